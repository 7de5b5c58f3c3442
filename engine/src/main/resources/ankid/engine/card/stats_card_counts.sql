-- The card-state pie (pylib/anki/stats.py, CollectionStats._cards) apart from review and interday
-- learning cards, which the report's pass over them counts: all cards, new, suspended or buried,
-- intraday learning, and notes; {scope} is replaced by the deck condition on cards. Distinct note
-- ids read from ix_cards_nid in order, cheaper than count(distinct nid) sorting them.
select count(), coalesce(sum(queue = 0), 0), coalesce(sum(queue < 0), 0), coalesce(sum(queue = 1), 0),
       (select count() from (select distinct nid from cards where {scope}))
from cards
where {scope}
