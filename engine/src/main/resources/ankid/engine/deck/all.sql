select id, name, mtime_secs, usn, common, kind from decks order by name
