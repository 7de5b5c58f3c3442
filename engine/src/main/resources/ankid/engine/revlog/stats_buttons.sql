-- Answer-button counts (anki/stats.py, CollectionStats._eases): group 0 learning and relearning,
-- 1 young, 2 mature reviews. ?1 = start of the period in ms; {scope} is the deck condition.
select (case when type in (0, 2) then 0 when lastIvl < 21 then 1 else 2 end), ease, count()
from revlog
where ease between 1 and 4 and type in (0, 1, 2) and id > ?1 and {scope}
group by 1, 2
