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
    return run(conn, toSql(query, target, ctx));
  }

  /**
   * Card ids sorted by {@code orderBy}, an ORDER BY over {@code c} (cards) and {@code n} (notes),
   * as Anki's {@code search_cards} with a browser column's sort (rslib {@code search/mod.rs}).
   * {@code preparation}: SQL run first (the temporary table the order reads), or null.
   */
  public static List<Long> findCardsInOrder(Connection conn, SearchContext ctx, String query, String orderBy,
      String preparation) throws SQLException {
    if (preparation != null) {
      // the sort's numbering table (rslib search/mod.rs, prepare_sort), one statement at a time
      try (java.sql.Statement st = conn.createStatement()) {
        for (String statement : preparation.split(";")) if (!statement.isBlank()) st.execute(statement);
      }
    }
    SearchSql sql = SqlWriter.write(SearchParser.parse(query), SearchTarget.CARDS, ctx, RequiredTable.CARDS_AND_NOTES);
    return run(conn, new SearchSql(sql.sql() + " order by " + orderBy, sql.args()));
  }

  private static List<Long> run(Connection conn, SearchSql sql) throws SQLException {
    // The ids come back as one text value: stepping through 100k rows one JNI call at a time costs
    // more than the search itself. group_concat keeps the rows' order.
    String all;
    SearchFunctions.takeRegexFailure();
    try (PreparedStatement st = conn.prepareStatement("select group_concat(id) from (" + sql.sql() + ")")) {
      for (int i = 0; i < sql.args().size(); i++) st.setString(i + 1, sql.args().get(i));
      try (ResultSet rs = st.executeQuery()) {
        all = rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      ankid.engine.AnkiException invalidRegex = SearchFunctions.takeRegexFailure();
      if (invalidRegex != null) throw invalidRegex;
      throw e;
    }
    return parseIds(all);
  }

  private static List<Long> parseIds(String csv) {
    List<Long> ids = new ArrayList<>();
    if (csv == null || csv.isEmpty()) return ids;
    long value = 0;
    boolean negative = false;
    for (int i = 0, n = csv.length(); i <= n; i++) {
      char ch = i < n ? csv.charAt(i) : ',';
      if (ch == ',') {
        ids.add(negative ? -value : value);
        value = 0;
        negative = false;
      } else if (ch == '-') {
        negative = true;
      } else {
        value = value * 10 + (ch - '0');
      }
    }
    return ids;
  }
}
