package ankid.engine.revlog;

import ankid.engine.scheduler.RevlogRow;
import ankid.engine.storage.Db;
import java.util.List;

/** Inserts and reads {@code revlog} rows. */
public final class RevlogStore {
  private RevlogStore() {}

  /**
   * Inserts a row; its id (the answer time in ms) moves to {@code max(id)+1} when taken, as Anki's
   * {@code add_revlog_entry} does. Returns the id used.
   */
  public static long add(Db db, RevlogRow r) {
    long id = r.id();
    if (db.queryLong("select count() from revlog where id = ?", 0, id) > 0) {
      id = db.queryLong("select max(id) from revlog", id) + 1;
    }
    db.exec("insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, r.cid(), RevlogRow.USN, r.ease(), r.ivl(), r.lastIvl(), r.factor(), r.time(), r.type());
    return id;
  }

  /** A card's review history, oldest first. */
  public static List<RevlogRow> ofCard(Db db, long cardId) {
    return db.query("select id, cid, ease, ivl, lastIvl, factor, time, type from revlog"
            + " where cid = ? order by id",
        rs -> new RevlogRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7), rs.getInt(8)),
        cardId);
  }

  private static final String COLUMNS = "id, cid, usn, ease, ivl, lastIvl, factor, time, type";

  /** Streams the entries of the cards of the notes in {@code noteIdTable}, by id. */
  public static void forEachOfNotesIn(Db db, String noteIdTable, java.util.function.Consumer<RevlogEntry> consumer) {
    db.forEach("select " + COLUMNS + " from revlog where cid in (select id from cards where nid in (select id from "
        + noteIdTable + ")) order by id", rs -> consumer.accept(entry(rs)));
  }

  public static long maxIdOfNotesIn(Db db, String noteIdTable) {
    return db.queryLong("select max(id) from revlog where cid in (select id from cards where nid in (select id from "
        + noteIdTable + "))", 0);
  }

  /** Adds many entries as {@link #addIfUnique} does, in batches; call {@link Db.Batch#flush} at the end. */
  public static Db.Batch adder(Db db) {
    return db.batch("insert or ignore into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  public static void add(Db.Batch adder, RevlogEntry e) {
    adder.add(e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }

  /** Copies the entries of the cards of the notes of {@code noteIdTable} into the attached database {@code alias}. */
  public static void copyOfNotesInto(Db db, String alias, String noteIdTable) {
    db.exec("insert into " + alias + ".revlog select * from main.revlog where cid in (select id from cards where nid in"
        + " (select id from " + noteIdTable + "))");
  }

  /** Adds an entry unless its id is taken (rslib {@code add_revlog_entry_if_unique}). */
  public static void addIfUnique(Db db, RevlogEntry e) {
    db.exec("insert or ignore into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }

  private static RevlogEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new RevlogEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6),
        rs.getLong(7), rs.getLong(8), rs.getInt(9));
  }
}
