-- A new card (rslib/src/card/mod.rs, Card::new): type and queue new, counters zero, empty data,
-- usn -1. ?1 id, ?2 nid, ?3 did, ?4 ord, ?5 mod, ?6 due (its position).
insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,
                   flags, data)
values (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '{}')
