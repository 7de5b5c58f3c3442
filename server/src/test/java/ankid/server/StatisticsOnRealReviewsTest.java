package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.storage.Unicase;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statistic actions on the Spanish fixture's 31,363 real reviews, each number checked against
 * a direct SQL computation of the same definition on a copy of the file. The server's clock is
 * fixed on the day of the last review (2025-12-01, UTC), so "today" and "last month" have data:
 * with rollover 4, that Anki day runs from 04:00 UTC.
 */
@ExtendWith(TestServerExtension.class)
class StatisticsOnRealReviewsTest {
  private static final Instant NOW = Instant.parse("2025-12-01T20:00:00Z");
  private static final long DAY_START_MS = Instant.parse("2025-12-01T04:00:00Z").toEpochMilli();
  private static final long MONTH_START_MS = DAY_START_MS + 86_400_000L - 30 * 86_400_000L;
  private TestServer server;
  private Connection sql;

  @BeforeEach
  void spanishCollectionOnTheDayOfItsLastReview(TestServer server) throws Exception {
    SharedFiles.require();
    Path file = StudyFixtures.spanish(server.base());
    Path copy = Files.copy(file, server.base().resolve("copy.anki2"));
    sql = DriverManager.getConnection("jdbc:sqlite:" + copy);
    Unicase.register(sql);
    this.server = server.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void closeSql() throws Exception {
    if (sql != null) sql.close(); // null when ../shared is absent and the test was skipped
  }

  @Test
  void theFixtureHasItsRealReviews() throws Exception {
    assertThat(count("select count() from revlog")).isEqualTo(31_363);
  }

  @Test
  void getNumCardsReviewedTodayCountsTodaysEntries() throws Exception {
    assertThat(server.result("getNumCardsReviewedToday", "{}").asLong())
        .isEqualTo(count("select count() from revlog where id > " + DAY_START_MS)).isPositive();
  }

  @Test
  void getNumCardsReviewedByDayCountsEveryAnkiDayNewestFirst() throws Exception {
    List<List<Object>> expected = new ArrayList<>();
    try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(
        "select date(id / 1000 - 4 * 3600, 'unixepoch') as day, count() from revlog group by day order by day desc")) {
      while (rs.next()) expected.add(List.of(rs.getString(1), rs.getLong(2)));
    }
    List<List<Object>> actual = new ArrayList<>();
    server.result("getNumCardsReviewedByDay", "{}").forEach(d -> actual.add(List.of(d.get(0).asText(), d.get(1).asLong())));
    assertThat(actual).hasSizeGreaterThan(100).isEqualTo(expected);
  }

  @Test
  void cardReviewsAndTheLatestReviewIdOfTheBiggestDeckMatchSql() throws Exception {
    long deckId = count("select did from cards group by did order by count() desc limit 1");
    String deck = server.result("deckNameFromId", """
        {"deckId": %d}
        """.formatted(deckId)).asText();
    long start = count("select id from revlog order by id limit 1 offset 20000");
    JsonNode reviews = server.result("cardReviews", """
        {"deck": "%s", "startID": %d}
        """.formatted(deck, start));
    assertThat((long) reviews.size()).isEqualTo(count("select count() from revlog where id > " + start
        + " and cid in (select id from cards where did = " + deckId + ")"));
    assertThat(server.result("getLatestReviewID", """
        {"deck": "%s"}
        """.formatted(deck)).asLong())
        .isEqualTo(count("select max(id) from revlog where cid in (select id from cards where did = " + deckId + ")"));
  }

  @Test
  void theStatsReportsNumbersMatchSql() throws Exception {
    String html = server.result("getCollectionStatsHTML", "{}").asText();
    Files.writeString(Path.of("target", "stats-report-spanish.html"), "<!doctype html><meta charset=utf-8>" + html);
    assertThat(html).contains("Studied <b>" + count("select count() from revlog where ease > 0 and id > " + DAY_START_MS) + "</b> cards");
    long monthReviews = count("select count() from revlog where ease > 0 and id > " + MONTH_START_MS);
    assertThat(html).contains("Total:</td><td><b>" + monthReviews + " reviews,");
    long studiedDays = count("select count(distinct cast((id / 1000.0 - " + (DAY_START_MS / 1000 + 86_400)
        + ") / 86400.0 as int)) from revlog where ease > 0 and id > " + MONTH_START_MS);
    assertThat(html).contains("Days studied:</td><td><b>" + studiedDays + " of 30");
    assertThat(html).contains("Total cards:</td><td><b>" + count("select count() from cards") + "</b>",
        "Total notes:</td><td><b>" + count("select count() from notes") + "</b>",
        "Mature:</td><td><b>" + count("select count() from cards where queue = 2 and ivl >= 21") + "</b>",
        "Review cards:</td><td><b>" + count("select count() from cards where queue = 2") + "</b>",
        "Longest interval:</td><td><b>" + count("select max(ivl) from cards where queue = 2") + " days");
    long matureCorrect = count("select count() from revlog where type = 1 and lastIvl >= 21 and ease > 1 and id > " + MONTH_START_MS);
    long matureAll = count("select count() from revlog where type = 1 and lastIvl >= 21 and ease between 1 and 4 and id > " + MONTH_START_MS);
    assertThat(html).contains("(" + matureCorrect + " of " + matureAll + ")");
  }

  private long count(String query) throws Exception {
    try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
