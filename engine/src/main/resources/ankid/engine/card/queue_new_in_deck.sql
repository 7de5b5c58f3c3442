-- New cards of one deck (rslib storage/card/new_cards.sql); the caller appends the gather
-- order. ?1 = deck id.
select id, nid, ord, cast(mod as integer), did, odid
from cards
where did = ?1
  and queue = 0
