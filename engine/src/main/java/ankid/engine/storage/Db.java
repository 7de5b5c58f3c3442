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

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = conn.prepareStatement(sql);
      statements.put(sql, st);
    } else {
      st.clearParameters();
    }
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
    return st;
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
  void reconnect(Connection fresh) {
    closeStatements();
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
