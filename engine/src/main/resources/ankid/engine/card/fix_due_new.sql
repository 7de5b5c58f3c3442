-- New cards (not previewed) whose position is 2,000,000 or more go back below it, modulo a million:
-- ?1 mtime, ?2 usn.
update cards
set due = (case when type = 0 and queue != 4 then 1000000 + due % 1000000 else due end),
  mod = ?1,
  usn = ?2
where due >= 1000000
  and due != (case when type = 0 and queue != 4 then 1000000 + due % 1000000 else due end)
