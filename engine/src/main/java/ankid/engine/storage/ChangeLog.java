package ankid.engine.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts row changes per table while a transaction runs, with TEMP triggers that the same
 * transaction creates: when it is rolled back the triggers and their counts vanish with it, so a
 * dry run leaves the collection file (and its schema) exactly as it was. Triggers see every write,
 * including raw updates that leave {@code mod} and {@code usn} alone. Statements inside a trigger
 * may not name a database, so the TEMP tables are referred to unqualified (TEMP is searched first).
 */
public final class ChangeLog {
  /** How many ids of touched notes and cards are kept for a sample. */
  public static final int SAMPLE = 10;

  private static final Map<String, String> KEYS = keys();

  /** The tables a person's data lives in, with their keys; col, config and graves are bookkeeping. */
  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    for (String t : List.of("notes", "cards", "decks", "deck_config", "notetypes", "revlog")) k.put(t, "id = new.id");
    k.put("fields", "ntid = new.ntid and ord = new.ord");
    k.put("templates", "ntid = new.ntid and ord = new.ord");
    k.put("tags", "tag = new.tag");
    return k;
  }

  private final Db db;

  private ChangeLog(Db db) {
    this.db = db;
  }

  /** Starts counting; must be called inside the transaction that will be rolled back. */
  public static ChangeLog start(Db db) {
    ChangeLog log = new ChangeLog(db);
    db.script("create temp table ankid_counts (tbl text primary key, ins integer, upd integer, del integer)");
    db.script("create temp table ankid_touched (tbl text, id integer, did integer, primary key (tbl, id)) without rowid");
    for (Map.Entry<String, String> e : KEYS.entrySet()) {
      String t = e.getKey();
      db.exec("insert into ankid_counts values (?, 0, 0, 0)", t);
      // Before the insert, so that "insert or replace" of an existing row (how the stores save
      // edits) counts as an update, not as a new row.
      String exists = "exists (select 1 from " + t + " where " + e.getValue() + ")";
      log.trigger(t, "before insert", "ins = ins + not " + exists + ", upd = upd + " + exists, "new");
      log.trigger(t, "after update", "upd = upd + 1", "old");
      log.trigger(t, "after delete", "del = del + 1", "old");
    }
    return log;
  }

  private void trigger(String table, String when, String counts, String row) {
    String touched = switch (table) {
      case "notes" -> "insert or ignore into ankid_touched values ('notes', " + row + ".id, null);";
      case "cards" -> "insert or ignore into ankid_touched values ('cards', " + row + ".id, " + row + ".did);";
      default -> "";
    };
    db.script("create temp trigger ankid_" + when.replace(' ', '_') + "_" + table + " " + when + " on main." + table
        + " begin update ankid_counts set " + counts + " where tbl = '" + table + "'; " + touched + " end");
  }

  /** What has been counted so far. */
  public RowChanges read() {
    Map<String, RowChanges.Counts> tables = new LinkedHashMap<>();
    db.query("select tbl, ins, upd, del from ankid_counts", rs -> {
      RowChanges.Counts c = new RowChanges.Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4));
      if (!c.isEmpty()) tables.put(rs.getString(1), c);
      return null;
    });
    Map<Long, Integer> perDeck = new LinkedHashMap<>();
    db.query("select did, count() from ankid_touched where tbl = 'cards' group by did order by count() desc, did", rs -> {
      perDeck.put(rs.getLong(1), rs.getInt(2));
      return null;
    });
    return new RowChanges(tables, touched("notes"), touched("cards"), perDeck);
  }

  private RowChanges.Touched touched(String table) {
    int count = (int) db.queryLong("select count() from ankid_touched where tbl = ?", 0, table);
    List<Long> first = db.queryLongs("select id from ankid_touched where tbl = ? order by id limit ?", table, SAMPLE);
    return new RowChanges.Touched(count, first);
  }
}
