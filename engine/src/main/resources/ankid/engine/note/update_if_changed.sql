-- ?1 mid, ?2 mod, ?3 usn, ?4 tags, ?5 flds, ?6 sfld, ?7 csum, ?8 id. A row that already holds these
-- values is not written (sfld compares under the column's integer affinity, as it is stored).
update notes
set mid = ?1, mod = ?2, usn = ?3, tags = ?4, flds = ?5, sfld = ?6, csum = ?7
where id = ?8
  and not (mid is ?1 and mod is ?2 and usn is ?3 and tags is ?4 and flds is ?5 and sfld is ?6 and csum is ?7)
