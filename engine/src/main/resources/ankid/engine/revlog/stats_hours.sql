-- Entries per hour of the day (anki/stats.py, CollectionStats._hourRet): ?1 = the day cutoff moved
-- back to the rollover hour, in seconds; ?2 = start of the period in ms; {scope} is the deck condition.
select 23 - (cast((?1 - id / 1000) / 3600.0 as int) % 24) as hour, count(), sum(ease > 1) * 100.0 / count()
from revlog
where ease > 0 and type in (0, 1, 2) and id > ?2 and {scope}
group by hour
order by hour
