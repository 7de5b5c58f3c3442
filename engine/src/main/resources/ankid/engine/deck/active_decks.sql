-- The deck a queue is built for and its subdecks, in the order Anki's update_active.sql inserts
-- them into its active_decks table (rslib storage/deck/update_active.sql). ?1 = the deck's
-- native name, ?2 = name || x'1f', ?3 = name || x'20'.
select id
from decks
where name = ?1
   or (name >= ?2 and name < ?3)
