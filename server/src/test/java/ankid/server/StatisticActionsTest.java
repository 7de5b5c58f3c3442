package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistic actions over HTTP (api doc §2.8) on a fresh collection. */
class StatisticActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path base;
  TestServer server;
  List<Long> cards;

  @BeforeEach
  void start() throws Exception {
    SharedFiles.require();
    cards = StudyFixtures.newCollection(base, 3);
    server = new TestServer(base);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
  }

  private void answer(long cid, int ease) throws Exception {
    server.result("answerCards", "{\"answers\":[{\"cardId\":" + cid + ",\"ease\":" + ease + "}]}");
  }

  @Test
  void reviewCountsCountRevlogEntriesNotCards() throws Exception {
    assertThat(server.result("getNumCardsReviewedToday", "{}").asLong()).isZero();
    assertThat(server.result("getNumCardsReviewedByDay", "{}")).isEmpty();
    answer(cards.get(0), 1);
    answer(cards.get(0), 3);
    answer(cards.get(1), 4);
    assertThat(server.result("getNumCardsReviewedToday", "{}").asLong()).isEqualTo(3);
    JsonNode byDay = server.result("getNumCardsReviewedByDay", "{}");
    assertThat(byDay).hasSize(1);
    assertThat(byDay.get(0).get(1).asLong()).isEqualTo(3);
    LocalDate day = LocalDate.parse(byDay.get(0).get(0).asText());
    assertThat(day).isBetween(LocalDate.now().minusDays(1), LocalDate.now());
  }

  @Test
  void cardReviewsListsTuplesOfCardsInThatExactDeckAfterStartId() throws Exception {
    long sub = cards.get(cards.size() - 1);
    answer(cards.get(0), 3);
    answer(sub, 3);
    JsonNode study = server.result("cardReviews", "{\"deck\":\"Study\",\"startID\":0}");
    assertThat(study).hasSize(1);
    JsonNode t = study.get(0);
    assertThat(t).hasSize(9);
    assertThat(List.of(t.get(1).asLong(), t.get(2).asLong(), t.get(3).asLong(), t.get(4).asLong(), t.get(5).asLong(),
        t.get(6).asLong(), t.get(8).asLong())).isEqualTo(List.of(cards.get(0), -1L, 3L, -600L, 0L, 0L, 0L));
    assertThat(server.result("cardReviews", "{\"deck\":\"Study\",\"startID\":" + t.get(0).asLong() + "}")).isEmpty();
    assertThat(server.result("cardReviews", "{\"deck\":\"Study::Sub\",\"startID\":0}")).hasSize(1);
    assertThat(server.result("cardReviews", "{\"deck\":\"Nowhere\",\"startID\":0}")).isEmpty();
    assertThat(server.result("deckNames", "{}").toString()).contains("Nowhere");

    assertThat(server.result("getLatestReviewID", "{\"deck\":\"Study\"}").asLong()).isEqualTo(t.get(0).asLong());
    assertThat(server.result("getLatestReviewID", "{\"deck\":\"Empty\"}").asLong()).isZero();
  }

  @Test
  void getReviewsOfCardsIsKeyedByCardIdAsStrings() throws Exception {
    long a = cards.get(0);
    answer(a, 2);
    JsonNode r = server.result("getReviewsOfCards", "{\"cards\":[" + a + ",424242]}");
    assertThat(r.get("424242")).isEmpty();
    JsonNode row = r.get(Long.toString(a)).get(0);
    List<String> keys = new java.util.ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type");
    assertThat(List.of(row.get("usn").asInt(), row.get("ease").asInt(), row.get("ivl").asInt(), row.get("lastIvl").asInt(),
        row.get("factor").asInt(), row.get("time").asInt(), row.get("type").asInt()))
        .isEqualTo(List.of(-1, 2, -330, 0, 0, 0, 0));
  }

  @Test
  void insertReviewsTakesNineTuplesOfNumbersAllOrNothing() throws Exception {
    long a = cards.get(0);
    assertThat(server.result("insertReviews", "{\"reviews\":[]}").isNull()).isTrue();
    String good = "[1600000000000," + a + ",-1,3,4,-60,2500,6157,1]";
    assertThat(server.result("insertReviews", "{\"reviews\":[" + good + ",[1600000000001," + a + ",-1,1,-600,4,2300,\"900\",2]]}")
        .isNull()).isTrue();
    assertThat(server.result("cardReviews", "{\"deck\":\"Study\",\"startID\":0}"))
        .isEqualTo(JSON.readTree("[" + good + ",[1600000000001," + a + ",-1,1,-600,4,2300,900,2]]"));
    assertThat(server.error("insertReviews", "{\"reviews\":[[1600000000002," + a + ",-1,3,4,-60,2500,6157,1]," + good + "]}"))
        .isEqualTo("UNIQUE constraint failed: revlog.id");
    assertThat(server.error("insertReviews", "{\"reviews\":[[1,2,3]]}")).isEqualTo("3 values for 9 columns");
    assertThat(server.error("insertReviews", "{\"reviews\":[[1,2,3,4,5,6,7,8,9],[1]]}"))
        .isEqualTo("all VALUES must have the same number of terms");
    assertThat(server.error("insertReviews", "{\"reviews\":[[1600000000003,\"abc\",-1,3,4,-60,2500,6157,1]]}"))
        .isEqualTo("no such column: abc");
    assertThat(server.error("insertReviews", "{\"reviews\":[[1600000000003,null,-1,3,4,-60,2500,6157,1]]}"))
        .isEqualTo("no such column: None");
    assertThat(server.result("cardReviews", "{\"deck\":\"Study\",\"startID\":0}")).hasSize(2);
    Path file = server.collectionPath();
    server.close();
    server = null;
    StudyFixtures.assertAnkiFindsNoProblems(file);
  }

  @Test
  void collectionStatsHtmlIsAFullReportOfEitherScope() throws Exception {
    answer(cards.get(0), 3);
    String whole = server.result("getCollectionStatsHTML", "{}").asText();
    assertThat(whole).contains("<h1>Collection</h1>", "Studied <b>1</b> cards", "Future Due", "Reviews",
        "Review Intervals", "Card Ease", "Answer Buttons", "Hourly Breakdown", "Card Counts", "<svg")
        .doesNotContain("<script", "src=", "href=");
    assertThat(whole).contains("Total cards:</td><td><b>" + cards.size() + "</b>");
    String deck = server.result("getCollectionStatsHTML", "{\"wholeCollection\":false}").asText();
    assertThat(deck).contains("<h1>Default</h1>", "Total cards:</td><td><b>0</b>");
    Files.writeString(base.resolve("report.html"), whole);
  }
}
