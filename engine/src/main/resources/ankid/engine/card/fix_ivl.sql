-- Intervals are whole days from 0 to the i32 limit: ?1 mtime, ?2 usn.
update cards
set ivl = min(max(round(ivl), 0), 2147483647),
  mod = ?1,
  usn = ?2
where ivl != min(max(round(ivl), 0), 2147483647)
