-- The active decks by name, for gathering new cards deck by deck (rslib
-- storage/deck/active_deck_ids_sorted.sql). ?1 = JSON array of the active deck ids.
select id
from decks
where id in (select value from json_each(?1))
order by name
