-- Outside filtered decks, learning and review cards keep no original due (v2 and later); any other
-- odue is rounded into Anki's i32: ?1 mtime, ?2 usn, ?3 whether the collection is on the v1 scheduler.
update cards
set odue = (case when odue > 0 and (type = 1 or queue = 2) and not ?3 and not odid then 0
    else min(max(round(odue), -2147483648), 2147483647) end),
  mod = ?1,
  usn = ?2
where odue != (case when odue > 0 and (type = 1 or queue = 2) and not ?3 and not odid then 0
    else min(max(round(odue), -2147483648), 2147483647) end)
