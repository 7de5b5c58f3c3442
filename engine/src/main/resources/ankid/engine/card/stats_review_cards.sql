-- Review and interday learning cards, for every card section of the legacy statistics report
-- (pylib/anki/stats.py, CollectionStats: _due, _ivls, _eases, _cards) in one pass; {scope} is
-- replaced by the deck condition on cards.
select queue, due, ivl, factor
from cards
where queue in (2, 3) and {scope}
