package ankid.engine.storage;

/**
 * The sync fields of the single {@code col} row (rslib storage/collection_timestamps.rs and
 * storage/sync.rs): {@code usn}, {@code mod}, {@code scm}, {@code ls} and {@code crt}.
 */
public final class ColStore {
  private final Db db;

  public ColStore(Db db) {
    this.db = db;
  }

  /** The collection's usn: on a server the current sync round; on a client the server's at the last sync + 1. */
  public int usn() {
    return (int) db.queryLong("select usn from col", 0);
  }

  public void setUsn(int usn) {
    db.exec("update col set usn = ?", usn);
  }

  public void incrementUsn() {
    db.exec("update col set usn = usn + 1");
  }

  public Timestamps timestamps() {
    return db.queryOne("select mod, scm, ls from col", rs -> new Timestamps(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .orElseThrow();
  }

  public void setModified(long millis) {
    db.exec("update col set mod = ?", millis);
  }

  public void setSchemaModified(long millis) {
    db.exec("update col set scm = ?", millis);
  }

  public void setLastSync(long millis) {
    db.exec("update col set ls = ?", millis);
  }

  /** The creation time in seconds (the day "today" counts from). */
  public long creationStamp() {
    return db.queryLong("select crt from col", 0);
  }

  public void setCreationStamp(long secs) {
    db.exec("update col set crt = ?", secs);
  }

  /** {@code mod}, {@code scm} and {@code ls}, in ms (rslib CollectionTimestamps). */
  public record Timestamps(long modified, long schemaModified, long lastSync) {
    public boolean neverSynced() {
      return lastSync == 0;
    }

    public boolean schemaChangedSinceSync() {
      return schemaModified > lastSync;
    }

    public boolean changedSinceSync() {
      return modified > lastSync;
    }
  }
}
