-- The columns answering and manual scheduling change; the card is marked modified.
update cards
set did = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?, lapses = ?, left = ?, odue = ?,
    odid = ?, data = ?, mod = ?, usn = -1
where id = ?
