-- Template ordinals lie in 0..30000: ?1 mtime, ?2 usn.
update cards
set ord = max(0, min(30000, ord)),
  mod = ?1,
  usn = ?2
where ord != max(0, min(30000, ord))
