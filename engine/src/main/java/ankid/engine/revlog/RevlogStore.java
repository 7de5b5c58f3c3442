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

  /** Deletes one row (undo of an answer; Anki leaves no grave for it either). */
  public static void remove(Db db, long id) {
    db.exec("delete from revlog where id = ?", id);
  }

  /** A card's review history, oldest first. */
  public static List<RevlogRow> ofCard(Db db, long cardId) {
    return db.query("select id, cid, ease, ivl, lastIvl, factor, time, type from revlog"
            + " where cid = ? order by id",
        rs -> new RevlogRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7), rs.getInt(8)),
        cardId);
  }
}
