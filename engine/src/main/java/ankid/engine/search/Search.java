package ankid.engine.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds card or note ids for an Anki search query, unsorted (no ORDER BY), as AnkiConnect's
 * findCards/findNotes do. The connection needs the {@code unicase} collation and
 * {@link SearchFunctions#register} done beforehand.
 */
public final class Search {
  private Search() {}

  /** Parses and writes the statement; throws {@link SearchException} for a query Anki rejects. */
  public static SearchSql toSql(String query, SearchTarget target, SearchContext ctx) {
    return SqlWriter.write(SearchParser.parse(query), target, ctx);
  }

  public static List<Long> findCards(Connection conn, SearchContext ctx, String query) throws SQLException {
    return find(conn, ctx, query, SearchTarget.CARDS);
  }

  public static List<Long> findNotes(Connection conn, SearchContext ctx, String query) throws SQLException {
    return find(conn, ctx, query, SearchTarget.NOTES);
  }

  public static List<Long> find(Connection conn, SearchContext ctx, String query, SearchTarget target)
      throws SQLException {
    SearchSql sql = toSql(query, target, ctx);
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement st = conn.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.args().size(); i++) st.setString(i + 1, sql.args().get(i));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
