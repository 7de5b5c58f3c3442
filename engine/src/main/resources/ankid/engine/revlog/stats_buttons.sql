-- Answer-button counts (anki/stats.py, CollectionStats._eases): group 0 learning and relearning,
-- 1 young, 2 mature reviews; one row per group and ease, keyed group * 4 + ease - 1. ?1 = start of
-- the period in ms; {scope} is the deck condition. Grouping sorts the period's entries, which
-- costs less than evaluating twelve sums on every one of them.
select (case when type in (0, 2) then 0 when lastIvl < 21 then 1 else 2 end) * 4 + ease - 1 as k, count()
from revlog
where ease between 1 and 4 and type in (0, 1, 2) and id > ?1 and {scope}
group by k
