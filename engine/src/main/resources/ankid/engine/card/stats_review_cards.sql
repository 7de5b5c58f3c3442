-- Review and interday learning cards, for every card section of the legacy statistics report
-- (pylib/anki/stats.py, CollectionStats: _due, _ivls, _eases, _cards) in one pass; {scope} is
-- replaced by the deck condition on cards. Each column read costs a JNI call, which dominates a
-- pass over 100k cards: the first column packs queue − 2 (1 bit), due (24 bits), ivl (20 bits)
-- and factor (16 bits) when they fit, else it is -1 and the other columns hold them.
select case when due between 0 and 16777215 and ivl between 0 and 1048575 and factor between 0 and 65535
            then (queue - 2) * 2305843009213693952 + due * 68719476736 + ivl * 65536 + factor
            else -1 end,
       queue, due, ivl, factor
from cards
where queue in (2, 3) and {scope}
