-- The period's answered entries, for the legacy report's reviews, answer buttons and hourly
-- sections (anki/stats.py, CollectionStats: _done, _eases, _hourRet) in one pass. What they ask of
-- an entry is its kind: ease (capped at 5, "above 4"), type (4 for any but 0 to 3) and whether the
-- last interval was mature, packed in 7 bits. Each column read costs a JNI call, which dominates a
-- pass over 100k entries: the first column packs id − ?1 (33 bits), time (23 bits) and the kind
-- when they fit, else it is −1 − kind and the other columns hold id and time. ?1 = start of the
-- period in ms; {scope} is the deck condition on revlog rows.
select case when id - ?1 < 8589934592 and time between 0 and 8388607
            then (id - ?1) * 1073741824 + time * 128
                 + min(ease, 5) + 8 * (case when type between 0 and 3 then type else 4 end) + 64 * (lastIvl >= 21)
            else -1 - (min(ease, 5) + 8 * (case when type between 0 and 3 then type else 4 end) + 64 * (lastIvl >= 21))
            end,
       id, time
from revlog
where ease > 0 and id > ?1 and {scope}
