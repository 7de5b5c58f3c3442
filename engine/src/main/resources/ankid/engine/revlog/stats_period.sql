-- The period's answered entries, for the legacy report's reviews, answer buttons and hourly
-- sections (anki/stats.py, CollectionStats: _done, _eases, _hourRet) in one pass. The last column
-- packs what they ask of an entry: ease (capped at 5, "above 4"), type (4 for any but 0 to 3) and
-- whether the last interval was mature, so each row is read with three calls. ?1 = start of the
-- period in ms; {scope} is the deck condition on revlog rows.
select id, time,
       min(ease, 5) + 8 * (case when type between 0 and 3 then type else 4 end) + 64 * (lastIvl >= 21)
from revlog
where ease > 0 and id > ?1 and {scope}
