package ankid.engine.sync.media;

import ankid.engine.AnkiException;
import ankid.engine.storage.Db;
import ankid.engine.storage.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sync server's media database, with the schema of rslib
 * sync/media/database/server/schema_v4.sql: one row per file name ever synced ({@code size} 0 =
 * deleted, {@code mtime} = when the row last changed) and a meta row with the last usn, the total
 * bytes and the number of present files.
 */
public final class ServerMediaDb implements AutoCloseable {
  private final Db db;

  private ServerMediaDb(Db db) {
    this.db = db;
  }

  /** Opens or creates the database as rslib's open_or_create_db does. */
  public static ServerMediaDb open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Db db = Db.open(file, "busy_timeout = 0", "locking_mode = exclusive", "journal_mode = wal");
      long version = db.queryLong("select user_version from pragma_user_version", 0);
      if (version < 3) db.script(Sql.load("sync/media/server_schema_v3.sql"));
      if (version < 4) db.script(Sql.load("sync/media/server_schema_v4.sql"));
      return new ServerMediaDb(db);
    } catch (SQLException | java.io.IOException e) {
      throw new AnkiException("cannot open the media sync database " + file + ": " + e.getMessage(), e);
    }
  }

  /** rslib meta/mod.rs StoreMetadata. */
  public record Meta(int lastUsn, long totalBytes, int totalNonemptyFiles) {
    Meta nextUsn() {
      return new Meta(lastUsn + 1, totalBytes, totalNonemptyFiles);
    }
  }

  /** rslib entry/mod.rs MediaEntry; {@code size} 0 marks a deletion. */
  public record Entry(String fname, byte[] sha1, long size, int usn, long mtime) {
    public boolean isDeleted() {
      return size == 0;
    }
  }

  public Meta meta() {
    return db.queryOne("select last_usn, total_bytes, total_nonempty_files from meta",
        rs -> new Meta(rs.getInt(1), rs.getLong(2), rs.getInt(3))).orElse(new Meta(0, 0, 0));
  }

  void setMeta(Meta m) {
    db.exec("update meta set last_usn = ?, total_bytes = ?, total_nonempty_files = ?", m.lastUsn(), m.totalBytes(),
        m.totalNonemptyFiles());
  }

  public Optional<Entry> entry(String fname) {
    return db.queryOne("select fname, csum, size, usn, mtime from media where fname = ?", ServerMediaDb::row, fname);
  }

  /** Present (non-deleted) files by name. */
  Map<String, Entry> presentEntries() {
    Map<String, Entry> out = new HashMap<>();
    for (Entry e : db.query("select fname, csum, size, usn, mtime from media where size > 0", ServerMediaDb::row)) {
      out.put(e.fname(), e);
    }
    return out;
  }

  void setEntry(Entry e) {
    db.exec("insert or replace into media (fname, csum, size, usn, mtime) values (?, ?, ?, ?, ?)", e.fname(), e.sha1(),
        e.size(), e.usn(), e.mtime());
  }

  void deleteEntry(String fname) {
    db.exec("delete from media where fname = ?", fname);
  }

  /**
   * Up to 1000 changes after {@code afterUsn} (rslib entry/changes.sql). Ordered by usn, because
   * the client continues from the last usn of the batch.
   */
  public List<MediaChange> changesAfter(int afterUsn) {
    return db.query("select fname, usn, case when size > 0 then lower(hex(csum)) else '' end from media"
            + " where usn > ? order by usn limit 1000",
        rs -> new MediaChange(rs.getString(1), rs.getInt(2), rs.getString(3)), afterUsn);
  }

  void begin() {
    db.exec("begin exclusive");
  }

  void commit() {
    db.exec("commit");
  }

  void rollback() {
    db.exec("rollback");
  }

  private static Entry row(java.sql.ResultSet rs) throws SQLException {
    return new Entry(rs.getString(1), rs.getBytes(2), rs.getLong(3), rs.getInt(4), rs.getLong(5));
  }

  @Override
  public void close() {
    db.close();
  }
}
