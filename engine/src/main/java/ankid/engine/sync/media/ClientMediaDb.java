package ankid.engine.sync.media;

import ankid.engine.AnkiException;
import ankid.engine.storage.Db;
import ankid.engine.storage.Sql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's media database, {@code collection.media.db2} beside the collection, with the schema
 * and meaning Anki desktop gives it (rslib sync/media/database/client): one row per known file
 * with its SHA-1 (null once deleted), the mtime last seen and whether it awaits upload; a meta
 * row with the folder's mtime and the server usn of the last media sync.
 */
public final class ClientMediaDb implements AutoCloseable {
  public static final String FILE = "collection.media.db2";

  private final Db db;

  private ClientMediaDb(Db db) {
    this.db = db;
  }

  public static ClientMediaDb open(Path file) {
    try {
      Db db = Db.open(file, "page_size = 4096", "legacy_file_format = false", "journal_mode = wal");
      if (db.queryOne("select 1 from sqlite_master where type = 'table' and name = 'media'", rs -> 1).isEmpty()) {
        db.exec("begin");
        db.script(Sql.load("sync/media/client_schema.sql"));
        db.exec("commit");
      }
      return new ClientMediaDb(db);
    } catch (SQLException e) {
      throw new AnkiException("cannot open the media database " + file + ": " + e.getMessage(), e);
    }
  }

  /** rslib client/mod.rs MediaEntry; {@code sha1} null for a deleted file. */
  public record Entry(String fname, byte[] sha1, long mtime, boolean syncRequired) {
    public String sha1Hex() {
      return sha1 == null ? "" : HexFormat.of().formatHex(sha1);
    }
  }

  /** rslib MediaDatabaseMetadata: the folder's mtime in ms when last scanned, the server usn last synced. */
  public record Meta(long folderMtime, int lastSyncUsn) {}

  public Optional<Entry> entry(String fname) {
    return db.queryOne("select fname, csum, mtime, dirty from media where fname = ?", ClientMediaDb::row, fname);
  }

  public void setEntry(Entry e) {
    db.exec("insert or replace into media (fname, csum, mtime, dirty) values (?, ?, ?, ?)", e.fname(),
        e.sha1() == null ? null : HexFormat.of().formatHex(e.sha1()), e.mtime(), e.syncRequired() ? 1 : 0);
  }

  public void removeEntry(String fname) {
    db.exec("delete from media where fname = ?", fname);
  }

  public Meta meta() {
    return db.queryOne("select dirMod, lastUsn from meta", rs -> new Meta(rs.getLong(1), rs.getInt(2)))
        .orElse(new Meta(0, 0));
  }

  public void setMeta(Meta m) {
    db.exec("update meta set dirMod = ?, lastUsn = ?", m.folderMtime(), m.lastSyncUsn());
  }

  /** Files present (not deleted). */
  public int count() {
    return (int) db.queryLong("select count(*) from media where csum is not null", 0);
  }

  public List<Entry> pendingUploads(int max) {
    return db.query("select fname, csum, mtime, dirty from media where dirty = 1 limit ?", ClientMediaDb::row, max);
  }

  /** Present files and the mtime recorded for each. */
  public Map<String, Long> mtimes() {
    Map<String, Long> out = new HashMap<>();
    db.query("select fname, mtime from media where csum is not null", rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /** After the server said the media differ: start again from nothing (rslib force_resync). */
  public void forceResync() {
    db.exec("delete from media");
    db.exec("update meta set lastUsn = 0, dirMod = 0");
  }

  public void begin() {
    db.exec("begin immediate");
  }

  public void commit() {
    db.exec("commit");
  }

  public void rollback() {
    db.exec("rollback");
  }

  private static Entry row(java.sql.ResultSet rs) throws SQLException {
    String hex = rs.getString(2);
    byte[] sha1 = null;
    if (hex != null) {
      try {
        sha1 = HexFormat.of().parseHex(hex);
      } catch (IllegalArgumentException e) {
        sha1 = null;
      }
    }
    return new Entry(rs.getString(1), sha1, rs.getLong(3), rs.getInt(4) != 0);
  }

  @Override
  public void close() {
    db.close();
  }
}
