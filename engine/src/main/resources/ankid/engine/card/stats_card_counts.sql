-- The card-state pie (pylib/anki/stats.py, CollectionStats._cards): mature, young and learning,
-- new, suspended or buried, all cards and notes; {scope} is replaced by the deck condition on cards.
select coalesce(sum(queue = 2 and ivl >= 21), 0),
       coalesce(sum(queue in (1, 3) or (queue = 2 and ivl < 21)), 0),
       coalesce(sum(queue = 0), 0),
       coalesce(sum(queue < 0), 0),
       count(),
       count(distinct nid)
from cards
where {scope}
