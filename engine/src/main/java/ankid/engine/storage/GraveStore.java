package ankid.engine.storage;

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
}
