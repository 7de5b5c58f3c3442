package ankid.engine.revlog;

import ankid.engine.scheduler.RevlogRow;
import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import java.util.List;
import java.util.Optional;

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

  // Sync (rslib storage/revlog/mod.rs and storage/sync.rs)

  public static List<Long> pendingIds(Db db, Pending pending) {
    return db.queryLongs("select id from revlog where " + Pending.CLAUSE, pending.sinceUsn());
  }

  /** Ids of reviews logged locally since the last sync. */
  public static List<Long> localIds(Db db) {
    return db.queryLongs("select id from revlog where usn = -1");
  }

  public static Optional<RevlogEntry> get(Db db, long id) {
    return db.queryOne("select id, cid, usn, ease, ivl, lastIvl, factor, time, type from revlog where id = ?",
        rs -> new RevlogEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getLong(6),
            rs.getLong(7), rs.getLong(8), rs.getInt(9)),
        id);
  }

  /** Adds a review a sync brought in; one already there is kept (rslib add_revlog_entry, uniquify false). */
  public static void addSynced(Db db, RevlogEntry e) {
    db.exec("insert or ignore into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }

  public static void setUsn(Db db, long id, int usn) {
    db.exec("update revlog set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload every local review counts as synced (rslib clear_pending_revlog_usns). */
  public static void clearPendingUsns(Db db) {
    db.exec("update revlog set usn = 0 where usn = -1");
  }

  public static long count(Db db) {
    return db.queryLong("select count() from revlog", 0);
  }
}
