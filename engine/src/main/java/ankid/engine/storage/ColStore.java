package ankid.engine.storage;

/**
 * The one-row {@code col} table (rslib/src/storage/collection_timestamps.rs and sqlite.rs): schema version, creation time and
 * the modification stamps; in schema 11 it also held the JSON the newer tables replaced.
 */
public final class ColStore {
  private final Db db;

  public ColStore(Db db) {
    this.db = db;
  }

  /** Whether the file has a {@code col} table at all (an empty file does not). */
  public boolean exists() {
    return db.queryLong("select count() from sqlite_master where type = 'table' and name = 'col'", 0) > 0;
  }

  /** The schema version, or −1 without a row. */
  public long ver() {
    return db.queryLong("select ver from col", -1);
  }

  /** The collection's creation time in seconds, day 0 of the scheduler ({@code creation_stamp}). */
  public long crt() {
    return db.queryLong("select crt from col", 0);
  }

  /** The row of a new schema-18 collection. */
  public void create(long crtSecs, long modMillis) {
    db.exec("insert into col values (1, ?, 0, ?, 18, 0, 0, 0, '', '', '', '', '')", crtSecs, modMillis);
  }

  /** Marks the collection changed (rslib/src/storage/collection_timestamps.rs, {@code set_modified_time}). */
  public void setModified(long millis) {
    db.exec("update col set mod = ?", millis);
  }

  /** Marks a schema change, which forces a one-way full sync ({@code set_schema_modified_time}). */
  public void setSchemaModified(long millis) {
    db.exec("update col set scm = ?", millis);
  }

  /** The schema-11 JSON columns, in the order conf, models, decks, dconf, tags. */
  public String[] legacyJson() {
    return db.queryOne("select conf, models, decks, dconf, tags from col",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
        .orElseThrow();
  }

  /** Ends the schema-11 upgrade: version 18, the legacy JSON columns emptied. */
  public void finishUpgradeTo18() {
    db.exec("update col set ver = 18, conf = '', models = '', decks = '', dconf = '', tags = ''");
  }

  /** Ends a downgrade to schema 11: the JSON columns filled, the version set ({@code downgrade_to_schema_11}). */
  public void finishDowngradeTo11(String conf, String models, String decks, String dconf, String tags) {
    db.exec("update col set ver = 11, conf = ?, models = ?, decks = ?, dconf = ?, tags = ?", conf, models, decks,
        dconf, tags);
  }

  // Sync (rslib/src/storage/sync.rs and collection_timestamps.rs)

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

  public void setLastSync(long millis) {
    db.exec("update col set ls = ?", millis);
  }

  public void setCrt(long secs) {
    db.exec("update col set crt = ?", secs);
  }

  /** {@code mod}, {@code scm} and {@code ls}, in ms (rslib/src/collection/timestamps.rs, CollectionTimestamps). */
  public record Timestamps(long modified, long schemaModified, long lastSync) {}
}
