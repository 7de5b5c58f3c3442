-- Answer-button counts (anki/stats.py, CollectionStats._eases): group 0 learning and relearning,
-- 1 young, 2 mature reviews; one column per group and ease, in that order. ?1 = start of the
-- period in ms; {scope} is the deck condition. Counted in one pass: a GROUP BY would sort every
-- entry of the period to make twelve groups.
select coalesce(sum(g = 0 and ease = 1), 0), coalesce(sum(g = 0 and ease = 2), 0),
       coalesce(sum(g = 0 and ease = 3), 0), coalesce(sum(g = 0 and ease = 4), 0),
       coalesce(sum(g = 1 and ease = 1), 0), coalesce(sum(g = 1 and ease = 2), 0),
       coalesce(sum(g = 1 and ease = 3), 0), coalesce(sum(g = 1 and ease = 4), 0),
       coalesce(sum(g = 2 and ease = 1), 0), coalesce(sum(g = 2 and ease = 2), 0),
       coalesce(sum(g = 2 and ease = 3), 0), coalesce(sum(g = 2 and ease = 4), 0)
from (select (case when type in (0, 2) then 0 when lastIvl < 21 then 1 else 2 end) as g, ease
      from revlog
      where ease between 1 and 4 and type in (0, 1, 2) and id > ?1 and {scope})
