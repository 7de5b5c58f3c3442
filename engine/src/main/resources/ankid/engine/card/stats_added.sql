-- Cards added per day (pylib/anki/stats.py, CollectionStats._added), from card ids (creation ms):
-- ?1 = next day cutoff in seconds, ?2 = start of the period in ms; {scope} is the deck condition.
select cast((id / 1000.0 - ?1) / 86400.0 as int) as day, count()
from cards
where id > ?2 and {scope}
group by day
order by day
