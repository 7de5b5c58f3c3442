-- Review (queue 2) or interday learning (queue 3) cards of the active decks due today (rslib
-- storage/card/due_cards.sql); the caller appends the preset's review order. ?1 = JSON array of
-- active deck ids (its index orders by deck), ?2 = queue, ?3 = today.
with active_decks(id, pos) as (select value, key from json_each(?1))
select id, nid, due, cast(ivl as integer), cast(mod as integer), did, odid, reps
from cards
where did in (select id from active_decks)
  and queue = ?2
  and due <= ?3
