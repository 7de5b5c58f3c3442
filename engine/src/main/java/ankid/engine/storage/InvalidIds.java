package ankid.engine.storage;

/**
 * Ids stamped in the future (rslib storage/dbcheck/mod.rs, {@code invalid_ids} and
 * {@code fix_invalid_ids}): notes, cards and reviews whose id lies beyond a cutoff get fresh ids
 * from {@code newId} on (or after the largest valid id), and the cards and reviews pointing at
 * them follow. Check Database and imports run this.
 */
public final class InvalidIds {
  private static final String[][] TABLES = {{"notes", "cards", "nid"}, {"cards", "revlog", "cid"}, {"revlog", null, null}};

  private InvalidIds() {}

  public static long count(Db db, long cutoff) {
    return db.queryLong("select (select count() from notes where id > ?) + (select count() from cards where id > ?)"
        + " + (select count() from revlog where id > ?)", 0, cutoff, cutoff, cutoff);
  }

  /** Renumbers every id above {@code maxValidId}; {@code newId} must not exceed it. */
  public static void fix(Db db, long maxValidId, long newId) {
    for (String[] t : TABLES) {
      db.script(Sql.load("storage/invalid_ids_create.sql").replace("{source_table}", t[0])
          .replace("{max_valid_id}", Long.toString(maxValidId)).replace("{new_id}", Long.toString(newId)));
      db.script(update(t[0], "id"));
      if (t[1] != null) db.script(update(t[1], t[2]));
    }
    db.exec("drop table if exists temp.invalid_ids");
  }

  private static String update(String table, String column) {
    return Sql.load("storage/invalid_ids_update.sql").replace("{target_table}", table).replace("{id_column}", column);
  }
}
