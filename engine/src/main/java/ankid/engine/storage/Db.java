package ankid.engine.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thin JDBC helper over the collection's single connection. Statements are cached per SQL text,
 * because the same few queries run thousands of times in bulk operations (addNotes of 10k notes).
 * Values bind with the storage classes Anki's own writes give them: byte[] → BLOB, String → TEXT,
 * Long/Integer → INTEGER; doubles are never bound to integer columns.
 */
public final class Db {
  /** Maps one row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Connection conn;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<RowCache<?, ?>> caches = new ArrayList<>();

  Db(Connection conn) {
    this.conn = conn;
  }

  /** Opens another database file (a media sync database), running {@code pragmas} first. */
  public static Db open(java.nio.file.Path file, String... pragmas) throws SQLException {
    Connection conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (java.sql.Statement st = conn.createStatement()) {
      for (String pragma : pragmas) st.execute("pragma " + pragma);
    } catch (SQLException e) {
      conn.close();
      throw e;
    }
    return new Db(conn);
  }

  /** Closes the cached statements and the connection. */
  public void close() {
    closeStatements();
    try {
      conn.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }

  public Connection connection() {
    return conn;
  }

  /** A cache of one store's rows, cleared with the others by {@link #forgetCachedRows}. */
  public <K, V> RowCache<K, V> newRowCache() {
    RowCache<K, V> cache = new RowCache<>();
    caches.add(cache);
    return cache;
  }

  /** Drops every store's cached rows: a transaction starts, or its changes were rolled back. */
  public void forgetCachedRows() {
    for (RowCache<?, ?> c : caches) c.clear();
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = conn.prepareStatement(sql);
      statements.put(sql, st);
    } else {
      st.clearParameters();
    }
    bind(st, args);
    return st;
  }

  private static void bind(PreparedStatement st, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      int idx = i + 1;
      if (a == null) st.setNull(idx, java.sql.Types.NULL);
      else if (a instanceof byte[] b) st.setBytes(idx, b);
      else if (a instanceof String s) st.setString(idx, s);
      else if (a instanceof Long l) st.setLong(idx, l);
      else if (a instanceof Integer n) st.setLong(idx, n);
      else if (a instanceof Boolean bo) st.setLong(idx, bo ? 1 : 0);
      else if (a instanceof Double d) st.setDouble(idx, d);
      else throw new IllegalArgumentException("cannot bind " + a.getClass());
    }
  }

  /** Runs a statement; returns the number of changed rows. */
  public int exec(String sql, Object... args) {
    try {
      return prepare(sql, args).executeUpdate();
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(mapper.map(rs));
      return out;
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  /** A row visitor that returns false to stop reading. */
  public interface RowVisitor {
    boolean visit(ResultSet rs) throws SQLException;
  }

  /** Visits rows in order until the visitor returns false (the rest of the result is never read). */
  public void forEachUntil(String sql, RowVisitor visitor, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      while (rs.next()) {
        if (!visitor.visit(rs)) return;
      }
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  /** Handles one row of a streamed query. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  /**
   * Streams a query row by row without collecting it (bulk copies of 100k notes). The statement is
   * not taken from the cache, so the consumer may run any statement, even this SQL, meanwhile.
   */
  public void forEach(String sql, RowConsumer consumer, Object... args) {
    try (PreparedStatement st = conn.prepareStatement(sql)) {
      bind(st, args);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) consumer.accept(rs);
      }
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  /**
   * A statement run for many rows in batches: sqlite-jdbc executes a batch without the per-call
   * bookkeeping of {@code executeUpdate}, which dominates bulk inserts of 100k rows. Rows are
   * written every {@value #BATCH_ROWS} rows and on {@link Batch#flush}, which the caller must call
   * when done: {@link Batch#close} drops what was not flushed (the work failed).
   */
  public Batch batch(String sql) {
    try {
      return new Batch(conn.prepareStatement(sql), sql);
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  private static final int BATCH_ROWS = 1000;

  /** See {@link #batch}. */
  public static final class Batch implements AutoCloseable {
    private final PreparedStatement st;
    private final String sql;
    private int pending;

    private Batch(PreparedStatement st, String sql) {
      this.st = st;
      this.sql = sql;
    }

    public void add(Object... args) {
      try {
        bind(st, args);
        st.addBatch();
      } catch (SQLException e) {
        throw new StorageException(sql, e);
      }
      if (++pending >= BATCH_ROWS) flush();
    }

    public void flush() {
      if (pending == 0) return;
      try {
        st.executeBatch();
      } catch (SQLException e) {
        throw new StorageException(sql, e);
      } finally {
        pending = 0;
      }
    }

    @Override
    public void close() {
      try {
        st.close();
      } catch (SQLException ignored) {
        // nothing left to run
      }
    }
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  /** The first column of the first row as a long, or {@code dflt} when there is no row or it is NULL. */
  public long queryLong(String sql, long dflt, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      if (!rs.next()) return dflt;
      long v = rs.getLong(1);
      return rs.wasNull() ? dflt : v;
    } catch (SQLException e) {
      throw new StorageException(sql, e);
    }
  }

  public List<Long> queryLongs(String sql, Object... args) {
    return query(sql, rs -> rs.getLong(1), args);
  }

  /**
   * SQLite's {@code quick_check}: true when the file is damaged, or cannot even be checked
   * (rslib/src/storage/sqlite.rs, {@code quick_check_corrupt}). Not inside a transaction.
   */
  public boolean quickCheckCorrupt() {
    try (var st = conn.createStatement(); ResultSet rs = st.executeQuery("pragma quick_check")) {
      return !rs.next() || !"ok".equals(rs.getString(1));
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Rebuilds the file and its indexes and refreshes the planner's statistics; not inside a
   * transaction. Cached statements are closed first: one left unfinished holds a read transaction,
   * which VACUUM refuses to run beside.
   */
  public void optimize() {
    closeStatements();
    try (var st = conn.createStatement()) {
      st.execute("vacuum");
      st.execute("reindex");
      st.execute("analyze");
    } catch (SQLException e) {
      throw new StorageException("vacuum; reindex; analyze", e);
    }
  }

  /** Runs a script of ;-separated statements without parameters (schema creation). */
  public void script(String sql) {
    try (var st = conn.createStatement()) {
      for (String part : sql.split(";\\s*\\n")) {
        String s = part.trim();
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1);
        if (!s.isEmpty()) st.execute(s);
      }
    } catch (SQLException e) {
      throw new StorageException("script", e);
    }
  }

  /** Continues on a new connection to the same file (the collection's file was replaced). */
  /** Another file in place of this one (a full sync, a .colpkg import): no row of the old one stays. */
  void reconnect(Connection fresh) {
    closeStatements();
    forgetCachedRows();
    conn = fresh;
  }

  void closeStatements() {
    for (PreparedStatement st : statements.values()) {
      try {
        st.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.clear();
  }
}
