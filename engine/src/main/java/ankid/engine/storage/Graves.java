package ankid.engine.storage;

/** The {@code graves} table: deletions a sync must propagate (card 0, note 1, deck 2). */
public final class Graves {
  public static final int CARD = 0;
  public static final int NOTE = 1;
  public static final int DECK = 2;

  private final Db db;

  public Graves(Db db) {
    this.db = db;
  }

  public void add(long oid, int type) {
    db.exec("insert or replace into graves (oid, type, usn) values (?, ?, -1)", oid, type);
  }
}
