-- Intraday learning (and preview) cards of the active decks due before the day ends (rslib
-- storage/card/intraday_due.sql). ?1 = JSON array of active deck ids, ?2 = next_day_at.
select id, nid, due, cast(mod as integer), did, odid, reps
from cards
where did in (select value from json_each(?1))
  and queue in (1, 4)
  and due <= ?2
