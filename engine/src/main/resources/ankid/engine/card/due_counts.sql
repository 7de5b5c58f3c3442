-- Each deck's own due counts for the deck list (as rslib/src/storage/deck/due_counts.sql): cards
-- whose current did is the deck, children excluded. ?1 = today (days elapsed), ?2 = now +
-- learn-ahead seconds (collapseTime, default 1200), ?3 = 1 when buried cards of earlier days count
-- as unburied (Anki unburies them at the first use of a new day:
-- rslib/src/scheduler/bury_and_suspend.rs, unbury_if_day_rolled_over). Decks without cards have no row.
select did,
       sum(q = 0)                                        as fresh,
       sum(q = 2 and due <= ?1)                          as review,
       sum(q = 3 and due <= ?1)                          as interday_learning,
       sum((q = 1 and due < ?2) or (q = 4 and due <= ?2)) as intraday_learning,
       count(*)                                          as total
from (
  select did, due,
         case when queue in (-2, -3) and ?3 then
           case type when 0 then 0 when 2 then 2 else (case when due > 1000000000 then 1 else 3 end) end
         else queue end as q
  from cards)
group by did
