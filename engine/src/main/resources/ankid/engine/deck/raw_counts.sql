-- Per-deck counts for the deck list (scheduler doc §13.1). ?1 = today's day number,
-- ?2 = learn-ahead cutoff (now + collapseTime), ?3 = 1 when buried cards of earlier days
-- count as unburied (they are unburied at the first use of a new day).
select did,
  sum(q = 0),
  sum(q = 2 and due <= ?1),
  sum(q = 3 and due <= ?1),
  sum((q = 1 and due < ?2) or (q = 4 and due <= ?2)),
  count()
from (
  select did, due,
    case when queue in (-2, -3) and ?3 then
      case type when 0 then 0 when 2 then 2 else (case when due > 1000000000 then 1 else 3 end) end
    else queue end as q
  from cards)
group by did
