-- New cards of the active decks (rslib storage/card/active_new_cards.sql); the caller appends
-- the gather order. ?1 = JSON array of active deck ids.
select id, nid, ord, cast(mod as integer), did, odid
from cards
where did in (select value from json_each(?1))
  and queue = 0
