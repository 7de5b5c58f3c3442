-- Raw per-deck counts for DeckCounts.Raw (scheduler reference §13.1): cards whose current did is
-- the deck, children excluded. Parameters: ?1 = today (days elapsed), ?2 = now + learn-ahead
-- seconds (collapseTime, default 1200). Buried cards of earlier days must have been unburied
-- first (§14.3, BuryRules.needsAutomaticUnbury). Decks without rows have all-zero counts.
select did,
       sum(queue = 0)                                            as fresh,
       sum(queue = 2 and due <= ?1)                              as review,
       sum(queue = 3 and due <= ?1)                              as interday_learning,
       sum((queue = 1 and due < ?2) or (queue = 4 and due <= ?2)) as intraday_learning,
       count(*)                                                  as total
from cards
group by did
