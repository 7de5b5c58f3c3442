package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against the real engine (Anki 2.1.66 via anki-oracle): the same queries on the
 * same collection file must give the same id sets (cards and notes) and fail in the same cases.
 * Keys and behaviours that changed after 2.1.66 (preset:, sc:, has-cd:, tag:nc:, field:nc:,
 * prop:s/d/r/cds:, did: lists, dot-all *:, whitespace normalisation, nc:'s extra letters) are
 * left out of the corpus and covered by {@link SqlWriterTest}'s reference vectors.
 */
class SearchOracleTest {
  @TempDir
  Path tmp;

  @Test
  void builtCollectionMatchesAnki() throws Exception {
    SharedFiles.require();
    Path col = tmp.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    Path notes = tmp.resolve("notes.jsonl");
    Files.writeString(notes, resource("oracle-notes.jsonl"));
    JsonNode added = Oracle.run("add-notes", col.toString(), notes.toString(), "--in-place").ok();
    assertThat(added.get("failed").asInt()).isZero();
    List<Long> firstCards = new ArrayList<>();
    added.get("notes").forEach(n -> firstCards.add(n.get("cardIds").get(0).asLong()));
    // real answers give revlog rows for rated:/introduced:/prop:rated
    Oracle.run("answer", col.toString(), firstCards.get(10).toString(), "2", "--in-place").ok();
    Oracle.run("answer", col.toString(), firstCards.get(11).toString(), "1", "--in-place").ok();
    setCardStates(col, firstCards);
    Map<String, Integer> cardCounts = assertSameResults(col);
    assertRandomQueriesMatch(col, 300, 302);
    // the written states and answers are really there, so these keys were compared on real matches
    for (String q : List.of("is:suspended", "is:buried-sibling", "is:buried-manually", "is:due", "is:learn", "flag:1",
        "flag:7", "prop:ivl>5", "prop:due=3", "prop:ease=2.2", "prop:cdn:n=5", "rated:1:2", "rated:1:1", "introduced:1",
        "prop:rated=0", "tag:lang::es", "deck:lang::french", "note:basic*", "card:2", "dupe:@midbasic@,test")) {
      assertThat(cardCounts.get(q)).as(q).isPositive();
    }
    assertThat(cardCounts.get("added:1")).isLessThan(cardCounts.get("added:365"));
  }

  @Test
  void realAnki25CollectionMatchesAnki() throws Exception {
    Path col = SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", tmp.resolve("sp"));
    assertSameResults(col);
  }

  /** Random queries built from the collection's own words, tags, decks and notetypes (fixed seeds). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void randomQueriesMatchAnki(long seed) throws Exception {
    Path col = SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", tmp.resolve("fuzz"));
    List<String> queries;
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      SqliteSearchContext.prepare(conn);
      queries = new RandomQueries(conn, seed).take(400);
    }
    assertSameResults(col, queries, 0.2);
  }

  /** Smaller collections from real Anki, including schema 11 ones: the corpus, then random queries. */
  @ParameterizedTest
  @ValueSource(strings = {"real-anki25-example-deck.apkg", "legacy2-anki21-collection.colpkg",
      "legacy1-anki2-collection.colpkg"})
  void otherRealCollectionsMatchAnki(String fixture) throws Exception {
    Path col = SharedFiles.unpackCollection(fixture, tmp.resolve("other"));
    // schema 11 files: the comparison reads schema 18 tables, so ankid upgrades them first
    ankid.engine.Collection.open(col, java.time.Clock.systemUTC()).close();
    assertSameResults(col, 0);
    assertRandomQueriesMatch(col, 100, 102);
  }

  /** The value of each deck: term, quoted as a whole, quoted after the colon, or bare. */
  private static final java.util.regex.Pattern DECK_VALUE =
      java.util.regex.Pattern.compile("\"deck:([^\"]*)\"|deck:\"([^\"]*)\"|deck:([^\\s\"]*)");

  /** A deck name with a ':' that is not part of a "::" separator. */
  private static boolean hasDeckNameWithColon(String query) {
    java.util.regex.Matcher m = DECK_VALUE.matcher(query);
    while (m.find()) {
      String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      if (value.replace("::", "").contains(":")) return true;
    }
    return false;
  }

  /** 300 random queries per seed in [from, to): the same results as Anki, whether any match or not. */
  private void assertRandomQueriesMatch(Path col, long from, long to) throws Exception {
    for (long seed = from; seed < to; seed++) {
      List<String> queries;
      try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + col)) {
        SqliteSearchContext.prepare(conn);
        queries = new RandomQueries(conn, seed).take(300);
      }
      assertSameResults(col, queries, 0);
    }
  }

  /** Card states the oracle has no command for, written the way Anki stores them. */
  private static void setCardStates(Path col, List<Long> cids) throws SQLException {
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + col); Statement st = conn.createStatement()) {
      long now = System.currentTimeMillis() / 1000;
      String[] updates = {
          "update cards set type=2, queue=2, ivl=10, reps=20, lapses=2, due=3, factor=2200 where id=" + cids.get(0),
          "update cards set type=2, queue=-1, ivl=5, due=0, factor=2500 where id=" + cids.get(1),
          "update cards set queue=-2 where id=" + cids.get(2),
          "update cards set queue=-3 where id=" + cids.get(3),
          "update cards set type=1, queue=1, due=" + (now - 60) + ", flags=1 where id=" + cids.get(4),
          "update cards set type=3, queue=1, due=" + (now + 100_000) + ", flags=2 where id=" + cids.get(5),
          "update cards set type=3, queue=3, due=0, flags=7 where id=" + cids.get(6),
          "update cards set flags=4, data='{\"cd\":\"{\\\"r\\\":\\\"s\\\",\\\"n\\\":5}\"}' where id=" + cids.get(7),
          "update cards set type=2, queue=2, ivl=1, due=-1 where id=" + cids.get(8),
          "update cards set id=id-2*86400000 where id=" + cids.get(9),
      };
      for (String u : updates) st.executeUpdate(u);
    }
  }

  /** Returns Anki's card count per query (as written in the corpus, before id substitution). */
  private Map<String, Integer> assertSameResults(Path col) throws Exception {
    return assertSameResults(col, 1.0 / 3);
  }

  private Map<String, Integer> assertSameResults(Path col, double minMatchingShare) throws Exception {
    return assertSameResults(col, List.of(resource("oracle-queries.txt").split("\n", -1)), minMatchingShare);
  }

  private Map<String, Integer> assertSameResults(Path col, List<String> written, double minMatchingShare)
      throws Exception {
    JsonNode today = Oracle.run("today", col.toString()).ok();
    Map<String, String> substitutions;
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      substitutions = idSubstitutions(conn);
    }
    List<String> queries = new ArrayList<>();
    for (String q : written) {
      for (var e : substitutions.entrySet()) q = q.replace(e.getKey(), e.getValue());
      queries.add(q);
    }
    Path queryFile = tmp.resolve("queries-" + col.getFileName() + ".txt");
    Files.writeString(queryFile, String.join("\n", queries) + "\n");
    JsonNode cardResults = Oracle.run("search-many", col.toString(), queryFile.toString()).ok();
    JsonNode noteResults = Oracle.run("search-many", col.toString(), queryFile.toString(), "--notes").ok();
    assertThat(cardResults.size()).isEqualTo(queries.size());

    List<String> mismatches = new ArrayList<>();
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      SqliteSearchContext.prepare(conn);
      SearchContext ctx = new SqliteSearchContext(conn, today.get("daysElapsed").asInt(),
          today.get("nextDayAt").asLong(), today.get("now").asLong());
      for (int i = 0; i < queries.size(); i++) {
        compare(conn, ctx, queries.get(i), SearchTarget.CARDS, cardResults.get(i), mismatches);
        compare(conn, ctx, queries.get(i), SearchTarget.NOTES, noteResults.get(i), mismatches);
      }
    }
    assertThat(mismatches).as("queries where ankid and Anki disagree").isEmpty();
    // guard against a vacuous comparison: most queries must find something
    long nonEmpty = 0;
    for (JsonNode r : cardResults) nonEmpty += r.has("ids") && r.get("ids").size() > 0 ? 1 : 0;
    assertThat(nonEmpty).as("queries with matches").isGreaterThanOrEqualTo((long) (queries.size() * minMatchingShare));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < written.size(); i++) {
      counts.put(written.get(i), cardResults.get(i).has("ids") ? cardResults.get(i).get("ids").size() : -1);
    }
    return counts;
  }

  private static void compare(Connection conn, SearchContext ctx, String query, SearchTarget target, JsonNode oracle,
      List<String> mismatches) {
    assertThat(oracle.get("query").asText()).isEqualTo(query);
    String ours;
    Set<Long> ourIds = null;
    try {
      ourIds = new HashSet<>(Search.find(conn, ctx, query, target));
      ours = "ok";
    } catch (SearchException | InvalidRegexException e) {
      ours = e.getMessage();
    } catch (Exception e) {
      ours = "error: " + e;
    }
    if (oracle.has("error")) {
      if (ourIds == null && ours.matches("Invalid search: `prop:[sdr]` must be followed.*")) {
        // prop:s, prop:d and prop:r are newer than 2.1.66 (search/parser.rs, parse_prop), so prop:du<1 fails there on the name
        return;
      }
    } else if (hasDeckNameWithColon(query)) {
      // current Anki trims ':' from deck name components (decks/name.rs, normalized_deck_name_component); 2.1.66 only
      // trims whitespace
      return;
    }
    if (oracle.has("error")) {
      boolean sameError = ourIds == null
          && (!"SEARCH_ERROR".equals(oracle.path("errorKind").asText()) || oracle.get("error").asText().equals(ours));
      if (!sameError) mismatches.add(target + " [" + query + "]: Anki error " + oracle.get("error") + ", ours " + ours);
      return;
    }
    Set<Long> expected = new HashSet<>();
    oracle.get("ids").forEach(n -> expected.add(n.asLong()));
    if (!expected.equals(ourIds)) {
      mismatches.add(target + " [" + query + "]: Anki " + expected.size() + " " + expected + ", ours "
          + (ourIds == null ? ours : ourIds.size() + " " + ourIds));
    }
  }

  /** {@code @nid1@} etc.: the first notes and cards by id, the first note's notetype, the Default deck. */
  private static Map<String, String> idSubstitutions(Connection conn) throws SQLException {
    Map<String, String> subs = new LinkedHashMap<>();
    List<Long> nids = ids(conn, "select id from notes order by id limit 4");
    List<Long> cids = ids(conn, "select id from cards order by id limit 2");
    subs.put("@nid1@", nids.get(0).toString());
    subs.put("@nid2@", nids.get(1).toString());
    subs.put("@nid4@", nids.get(3).toString());
    subs.put("@cid1@", cids.get(0).toString());
    subs.put("@cid2@", cids.get(1).toString());
    subs.put("@midbasic@", ids(conn, "select mid from notes order by id limit 1").get(0).toString());
    subs.put("@diddefault@", "1");
    return subs;
  }

  private static List<Long> ids(Connection conn, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getLong(1));
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SearchOracleTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
