-- Entries per day by kind, and their seconds (anki/stats.py, CollectionStats._done): ?1 = next day
-- cutoff in seconds, ?2 = start of the period in ms; {scope} is the deck condition on revlog rows.
select cast((id / 1000.0 - ?1) / 86400.0 as int) as day,
       sum(type = 0), sum(type = 1 and lastIvl < 21), sum(type = 1 and lastIvl >= 21),
       sum(type = 2), sum(type = 3), sum(time) / 1000.0
from revlog
where ease > 0 and id > ?2 and {scope}
group by day
order by day
