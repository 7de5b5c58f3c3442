package ankid.engine.storage;

import ankid.engine.AnkiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sqlite.SQLiteErrorCode;

/**
 * The collection's one SQLite connection, opened the way Anki opens it
 * (rslib/src/storage/sqlite.rs, {@code open_or_create_collection_db}): busy timeout 0, exclusive
 * locking, WAL. The exclusive lock is taken at open and kept until close, so neither Anki nor a
 * second ankid can read or write the file meanwhile, and we fail at once (not after a timeout) if
 * one of them holds it.
 */
public final class Storage implements AutoCloseable {
  private final Path path;
  private final Db db;
  private final List<Consumer<Connection>> initializers;
  private int depth;

  private Storage(Path path, Connection conn, List<Consumer<Connection>> initializers) {
    this.path = path;
    this.db = new Db(conn);
    this.initializers = List.copyOf(initializers);
  }

  /** Opens (and locks) the file; {@code initializers} run on the raw connection (collation, functions). */
  public static Storage open(Path path, List<Consumer<Connection>> initializers) {
    Storage storage = new Storage(path, connect(path, initializers), initializers);
    return storage;
  }

  private static Connection connect(Path path, List<Consumer<Connection>> initializers) {
    Connection conn;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      conn = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
    } catch (Exception e) {
      throw new AnkiException.BadCollection("cannot open collection " + path + ": " + e.getMessage(), e);
    }
    try {
      try (Statement st = conn.createStatement()) {
        st.execute("pragma busy_timeout = 0");
        st.execute("pragma locking_mode = exclusive");
        st.execute("pragma page_size = 4096");
        st.execute("pragma cache_size = -40960");
        st.execute("pragma legacy_file_format = false");
        st.execute("pragma journal_mode = wal");
      }
      Unicase.register(conn);
      for (Consumer<Connection> init : initializers) init.accept(conn);
      // Taking the write lock now keeps it for the connection's lifetime (exclusive mode).
      try (Statement st = conn.createStatement()) {
        st.execute("begin exclusive");
        st.execute("commit");
      }
    } catch (SQLException e) {
      closeQuietly(conn);
      if (isBusy(e)) {
        throw new AnkiException.CollectionInUse(
            "collection " + path + " is in use by another program (Anki or another ankid); close it first");
      }
      if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
        throw new AnkiException.BadCollection(path + " is not an Anki collection (not an SQLite database)", e);
      }
      throw new AnkiException.BadCollection("cannot open collection " + path + ": " + e.getMessage(), e);
    }
    return conn;
  }

  /**
   * Puts {@code replacement} in place of this collection's file and reopens it (a full sync). The
   * old file comes back if the new one cannot be opened. Not inside a transaction.
   */
  public void replaceFile(Path replacement) {
    if (depth > 0) throw new IllegalStateException("replacing the collection inside a transaction");
    Path old = path.resolveSibling(path.getFileName() + ".replaced");
    checkpointAndClose();
    try {
      Files.move(path, old, StandardCopyOption.REPLACE_EXISTING);
      deleteSidecars();
      Files.move(replacement, path, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      restore(old);
      throw new java.io.UncheckedIOException("replacing " + path, e);
    }
    try {
      db.reconnect(connect(path, initializers));
    } catch (RuntimeException e) {
      restore(old);
      throw e;
    }
    try {
      Files.deleteIfExists(old);
    } catch (IOException ignored) {
      // a stale copy of the old collection is harmless
    }
  }

  private void restore(Path old) {
    try {
      if (Files.exists(old)) {
        deleteSidecars();
        Files.move(old, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // nothing better to do; the reconnect below reports the state
    }
    db.reconnect(connect(path, initializers));
  }

  private void deleteSidecars() throws IOException {
    Files.deleteIfExists(path.resolveSibling(path.getFileName() + "-wal"));
    Files.deleteIfExists(path.resolveSibling(path.getFileName() + "-shm"));
  }

  private static boolean isBusy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code
        || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }

  public Path path() {
    return path;
  }

  public Db db() {
    return db;
  }

  /** Starts a transaction, or a savepoint inside the running one. */
  public void begin() {
    run(depth == 0 ? "begin exclusive" : "savepoint ankid" + depth);
    depth++;
  }

  public void commit() {
    depth--;
    run(depth == 0 ? "commit" : "release ankid" + depth);
  }

  public void rollback() {
    depth--;
    db.forgetCachedRows();
    if (depth == 0) {
      run("rollback");
    } else {
      run("rollback to ankid" + depth);
      run("release ankid" + depth);
    }
  }

  public boolean inTransaction() {
    return depth > 0;
  }

  private void run(String sql) {
    try (Statement st = db.connection().createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  /** Total rows changed on this connection since open: how a transaction knows it wrote something. */
  public long totalChanges() {
    return db.queryLong("select total_changes()", 0);
  }

  /**
   * Rewrites a closed database file with another page size ({@code VACUUM}); for small files Anki
   * ships, such as the decoy collection of a package.
   */
  public static void compact(Path file, int pageSize) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute("pragma page_size = " + pageSize);
      st.execute("vacuum");
    } catch (SQLException e) {
      throw new StorageException("vacuum " + file, e);
    }
  }

  public List<String> tableNames() {
    return new ArrayList<>(db.query("select name from sqlite_master where type = 'table'", rs -> rs.getString(1)));
  }

  /**
   * Copies the database file's bytes to {@code target} after moving the WAL into it, as Anki takes
   * its backups (rslib collection/backup.rs, {@code maybe_backup}: checkpoint, then
   * {@code read_locked_db_file}). The exclusive lock keeps everyone else out, so the file is
   * consistent; unlike {@link #copyTo} nothing is rebuilt, which costs a fraction of the time and
   * no sorting memory. Falls back to {@link #copyTo} when the checkpoint cannot complete.
   */
  public void copyFileTo(Path target) {
    if (depth > 0) throw new IllegalStateException("copying the collection inside a transaction");
    db.closeStatements();
    boolean complete;
    try (Statement st = db.connection().createStatement();
        var rs = st.executeQuery("pragma wal_checkpoint(TRUNCATE)")) {
      complete = rs.next() && rs.getInt(1) == 0;
    } catch (SQLException e) {
      throw new StorageException("checkpointing the collection", e);
    }
    if (!complete) {
      copyTo(target);
      return;
    }
    try {
      Files.copy(path, target);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot copy the collection to " + target + " (" + e + ")", e);
    }
  }

  /** Copies the collection, consistent and compact, to {@code target} (which must not exist). Not inside a transaction. */
  public void copyTo(Path target) {
    if (depth > 0) throw new IllegalStateException("copying the collection inside a transaction");
    db.closeStatements(); // VACUUM refuses to run while any statement is unfinished
    try (Statement st = db.connection().createStatement()) {
      st.execute("vacuum into '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new StorageException("copying the collection to " + target, e);
    }
  }

  @Override
  public void close() {
    checkpointAndClose();
  }

  private void checkpointAndClose() {
    db.closeStatements();
    try (Statement st = db.connection().createStatement()) {
      st.execute("pragma wal_checkpoint(TRUNCATE)");
    } catch (SQLException ignored) {
      // closing the connection checkpoints as well
    }
    closeQuietly(db.connection());
  }

  private static void closeQuietly(Connection conn) {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }
}
