package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ankid writes a {@code tag:} search with LIKE where Anki writes {@code n.tags regexp ?}. On random
 * tag lists, including characters that case folding ties to ASCII letters (Kelvin sign, long s,
 * dotted and dotless i), ß (which ẞ folds to) and white space other than the space (which ends a
 * prefix search's {@code \S*}), both find the same notes.
 */
class TagLikeEquivalenceTest {
  private static final String NOTE_ALPHABET =
      "abksKSiI_%\\:1\u00e9\u00c9\u212a\u017f\u0130\u0131\u00df\u1e9e\u65e5\u00a0\t\u2003";
  private static final String QUERY_ALPHABET = "abksKSiI_%\\:1";
  private static final String WILDCARD_ALPHABET = "abksKSiI_%\\:1*\u00e9\u00c9\u00df\u65e5";

  private Connection conn;
  private final Random random = new Random(20261127);

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:sqlite::memory:");
    SearchFunctions.register(conn);
    try (var st = conn.createStatement()) {
      st.execute("create table notes (id integer primary key, tags text not null)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void likeFindsWhatAnkisRegexFinds() throws SQLException {
    List<String> noteTags = new ArrayList<>();
    try (PreparedStatement insert = conn.prepareStatement("insert into notes (id, tags) values (?, ?)")) {
      for (int id = 1; id <= 1000; id++) {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) tags.add(randomTag(NOTE_ALPHABET));
        noteTags.addAll(tags);
        insert.setLong(1, id);
        insert.setString(2, tags.isEmpty() ? "" : " " + String.join(" ", tags) + " ");
        insert.executeUpdate();
      }
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 150; i++) queries.add(escape(randomTag(QUERY_ALPHABET)));
    // wildcards: * and _ left unescaped
    for (int i = 0; i < 150; i++) queries.add(randomTag(WILDCARD_ALPHABET).replace("\\", "\\\\"));
    // queries that hit: existing tags, their parents, and their case variants with non-ASCII folded away
    for (int i = 0; i < 150; i++) {
      String tag = noteTags.get(random.nextInt(noteTags.size()));
      String ascii = tag.replace('\u212a', 'k').replace('\u017f', 's').replace('\u0130', 'i').replace('\u0131', 'I')
          .replaceAll("[^\\x00-\\x7f]", "a").replace('\t', 'a');
      int parent = ascii.indexOf("::");
      queries.add(escape(random.nextBoolean() || parent <= 0 ? ascii : ascii.substring(0, parent)));
      queries.add(escape(ascii.toUpperCase(java.util.Locale.ROOT)));
      queries.add(escape(tag));
      queries.add(escape(ascii.substring(0, ascii.length() / 2)) + "*");
    }
    int hits = 0;
    for (String tag : queries) {
      if (tag.isEmpty() || tag.startsWith(":")) continue;
      // white space would end the search term: the notes' tags keep theirs, the queries cannot
      if (tag.chars().anyMatch(c -> c == '\t' || c == '\u00a0' || c == '\u2003')) continue;
      if (tag.equals("*")) continue;
      List<Node> parsed = SearchParser.parse("tag:" + tag);
      SearchSql ankid = SqlWriter.condition(parsed, SearchTarget.NOTES, FixedSearchContext.reference());
      // Anki's SQL: n.tags regexp ?, with this argument (search/sqlwriter.rs, SqlWriter::write_tag)
      String ankiRegex = "(?i).* " + Wildcards.toCustomRegex(((Term.Tag) parsed.get(0)).tag(), "\\S") + "(::| ).*";
      TreeSet<Long> expected = ids("n.tags regexp ?1", List.of(ankiRegex));
      assertThat(ids(ankid.sql(), ankid.args())).as("tag:%s", tag).isEqualTo(expected);
      if (!expected.isEmpty()) hits++;
    }
    assertThat(hits).as("queries that found notes").isGreaterThan(150);
  }

  private String randomTag(String alphabet) {
    StringBuilder tag = new StringBuilder();
    for (int part = random.nextInt(3); part >= 0; part--) {
      if (tag.length() > 0) tag.append("::");
      for (int i = 1 + random.nextInt(4); i > 0; i--) tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return tag.toString();
  }

  /** Search text for a literal tag: the wildcard {@code _} and the escape character are escaped. */
  private static String escape(String tag) {
    return tag.replace("\\", "\\\\").replace("_", "\\_");
  }

  private TreeSet<Long> ids(String condition, List<String> args) throws SQLException {
    TreeSet<Long> ids = new TreeSet<>();
    try (PreparedStatement st = conn.prepareStatement("select id from notes n where " + condition)) {
      for (int i = 0; i < args.size(); i++) st.setString(i + 1, args.get(i));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
