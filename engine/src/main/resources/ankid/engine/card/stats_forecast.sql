-- Review cards due in the next ?2 days, young and mature (pylib/anki/stats.py,
-- CollectionStats._due): ?1 = today; {scope} is replaced by the deck condition on cards.
select due - ?1 as day, sum(ivl < 21), sum(ivl >= 21)
from cards
where queue in (2, 3) and due - ?1 between 0 and ?2 and {scope}
group by day
order by day
