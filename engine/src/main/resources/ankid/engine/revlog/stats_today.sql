-- The legacy statistics report's "Today" section (anki/stats.py, CollectionStats.todayStats):
-- ?1 = start of today in ms; {scope} is replaced by the deck condition on revlog rows.
select count(), coalesce(sum(time), 0) / 1000,
       coalesce(sum(ease = 1), 0), coalesce(sum(type = 0), 0), coalesce(sum(type = 1), 0),
       coalesce(sum(type = 2), 0), coalesce(sum(type = 3), 0),
       coalesce(sum(lastIvl >= 21), 0), coalesce(sum(lastIvl >= 21 and ease > 1), 0)
from revlog
where ease > 0 and id > ?1 and {scope}
