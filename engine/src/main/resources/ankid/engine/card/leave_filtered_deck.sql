-- A card leaving a filtered deck gets its original due back, and a queue its type implies unless
-- suspended or buried (rslib/src/scheduler/filtered/card.rs,
-- remove_from_filtered_deck_restoring_queue). Cards not in a filtered deck are left alone.
update cards
set due = (case when odue != 0 then odue else due end),
    queue = (case when queue in (-1, -2, -3) then queue
                  when type = 0 then 0
                  when type = 2 then 2
                  when type in (1, 3) then
                    (case when (case when odue != 0 then odue else due end) > 1000000000 then 1 else 3 end)
                  else queue end),
    odue = 0,
    odid = 0
where id = ? and odid != 0
