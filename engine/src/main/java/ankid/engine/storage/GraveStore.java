package ankid.engine.storage;

import java.util.List;

/**
 * The {@code graves} table (rslib/src/storage/graves/mod.rs): deletions a sync must propagate
 * (card 0, note 1, deck 2).
 */
public final class GraveStore {
  public static final int CARD = 0;
  public static final int NOTE = 1;
  public static final int DECK = 2;

  private final Db db;

  public GraveStore(Db db) {
    this.db = db;
  }

  /** Records a local deletion (usn −1). */
  public void add(long oid, int type) {
    db.exec("insert or replace into graves (oid, type, usn) values (?, ?, -1)", oid, type);
  }

  // Sync (rslib/src/storage/graves/mod.rs)

  /** Records a deletion a sync brought in, as rslib's graves/add.sql does (an existing grave stays). */
  public void addSynced(long oid, int type, int usn) {
    db.exec("insert or ignore into graves (usn, oid, type) values (?, ?, ?)", usn, oid, type);
  }

  /** Ids of one type whose deletion is pending for a sync ({@code pending_graves}). */
  public List<Long> pending(int type, Pending pending) {
    return db.queryLongs("select oid from graves where type = ? and " + Pending.CLAUSE, type, pending.sinceUsn());
  }

  /** Ids of one type deleted locally since the last sync (usn −1). */
  public List<Long> local(int type) {
    return db.queryLongs("select oid from graves where type = ? and usn = -1", type);
  }

  /** Marks a local deletion as synced at {@code usn}. */
  public void setUsn(long oid, int type, int usn) {
    db.exec("update graves set usn = ? where oid = ? and type = ? and usn = -1", usn, oid, type);
  }

  public long count() {
    return db.queryLong("select count() from graves", 0);
  }

  /** A full upload starts the server's history afresh ({@code clear_all_graves}). */
  public void clear() {
    db.exec("delete from graves");
  }
}
