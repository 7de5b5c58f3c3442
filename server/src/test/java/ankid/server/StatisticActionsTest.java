package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statistic actions over HTTP ({@code plugin/__init__.py, AnkiConnect.getNumCardsReviewedToday,
 * cardReviews, getReviewsOfCards, insertReviews, getCollectionStatsHTML…}) on a collection made
 * by real Anki: three Basic notes in "Study" and a reversed note in "Study::Sub".
 */
@ExtendWith(TestServerExtension.class)
class StatisticActionsTest {
  private TestServer server;
  private List<Long> cards;

  @BeforeEach
  void studyCollection(TestServer server) throws Exception {
    SharedFiles.require();
    this.server = server;
    cards = StudyFixtures.newCollection(server.base(), 3);
  }

  private void answer(long cid, int ease) throws Exception {
    server.result("answerCards", """
        {"answers": [{"cardId": %d, "ease": %d}]}
        """.formatted(cid, ease));
  }

  private JsonNode cardReviews(String deck, long startId) throws Exception {
    return server.result("cardReviews", """
        {"deck": "%s", "startID": %d}
        """.formatted(deck, startId));
  }

  @Test
  void noReviewsCountZeroAndNoDays() throws Exception {
    assertThat(server.result("getNumCardsReviewedToday", "{}").asLong()).isZero();
    assertThat(server.result("getNumCardsReviewedByDay", "{}")).isEmpty();
  }

  @Test
  void getNumCardsReviewedTodayCountsRevlogEntriesNotCards() throws Exception {
    answer(cards.get(0), 1);
    answer(cards.get(0), 3);
    answer(cards.get(1), 4);
    assertThat(server.result("getNumCardsReviewedToday", "{}").asLong()).isEqualTo(3);
  }

  @Test
  void getNumCardsReviewedByDayCountsEachDaysEntries() throws Exception {
    answer(cards.get(0), 1);
    answer(cards.get(0), 3);
    answer(cards.get(1), 4);
    JsonNode byDay = server.result("getNumCardsReviewedByDay", "{}");
    assertThat(byDay).hasSize(1);
    assertThat(byDay.get(0).get(1).asLong()).isEqualTo(3);
    assertThat(LocalDate.parse(byDay.get(0).get(0).asText())).isBetween(LocalDate.now().minusDays(1), LocalDate.now());
  }

  @Test
  void cardReviewsListsNineTuplesOfTheCardsInThatExactDeck() throws Exception {
    answer(cards.get(0), 3);
    answer(cards.get(cards.size() - 1), 3);
    JsonNode study = cardReviews("Study", 0);
    assertThat(study).hasSize(1);
    JsonNode t = study.get(0);
    assertThat(t).hasSize(9);
    assertThat(List.of(t.get(1).asLong(), t.get(2).asLong(), t.get(3).asLong(), t.get(4).asLong(), t.get(5).asLong(),
        t.get(6).asLong(), t.get(8).asLong())).isEqualTo(List.of(cards.get(0), -1L, 3L, -600L, 0L, 0L, 0L));
  }

  @Test
  void cardReviewsStartsAfterStartId() throws Exception {
    answer(cards.get(0), 3);
    long id = cardReviews("Study", 0).get(0).get(0).asLong();
    assertThat(cardReviews("Study", id)).isEmpty();
  }

  @Test
  void cardReviewsOfAChildDeckHasItsOwnCards() throws Exception {
    answer(cards.get(0), 3);
    answer(cards.get(cards.size() - 1), 3);
    assertThat(cardReviews("Study::Sub", 0)).hasSize(1);
  }

  @Test
  void cardReviewsOfAnUnknownDeckCreatesItEmpty() throws Exception {
    assertThat(cardReviews("Nowhere", 0)).isEmpty();
    assertThat(server.result("deckNames", "{}").toString()).contains("Nowhere");
  }

  @Test
  void getLatestReviewIdIsTheNewestEntryOfTheDeck() throws Exception {
    answer(cards.get(0), 3);
    assertThat(server.result("getLatestReviewID", """
        {"deck": "Study"}
        """).asLong()).isEqualTo(cardReviews("Study", 0).get(0).get(0).asLong());
  }

  @Test
  void getLatestReviewIdOfADeckWithoutReviewsIsZero() throws Exception {
    assertThat(server.result("getLatestReviewID", """
        {"deck": "Empty"}
        """).asLong()).isZero();
  }

  @Test
  void getReviewsOfCardsGivesUnknownCardsEmptyLists() throws Exception {
    assertThat(server.result("getReviewsOfCards", """
        {"cards": [424242]}
        """).get("424242")).isEmpty();
  }

  @Test
  void getReviewsOfCardsIsKeyedByCardIdWithRevlogColumnsInOrder() throws Exception {
    long a = cards.get(0);
    answer(a, 2);
    JsonNode row = server.result("getReviewsOfCards", """
        {"cards": [%d]}
        """.formatted(a)).get(Long.toString(a)).get(0);
    List<String> keys = new ArrayList<>();
    row.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type");
    assertThat(List.of(row.get("usn").asInt(), row.get("ease").asInt(), row.get("ivl").asInt(), row.get("lastIvl").asInt(),
        row.get("factor").asInt(), row.get("time").asInt(), row.get("type").asInt()))
        .isEqualTo(List.of(-1, 2, -330, 0, 0, 0, 0));
  }

  @Test
  void insertReviewsOfNoReviewsIsNone() throws Exception {
    assertThat(server.result("insertReviews", """
        {"reviews": []}
        """).isNull()).isTrue();
  }

  /** Two entries for card 0; the second's time is a numeric string. */
  private String twoReviews() {
    long a = cards.get(0);
    return """
        {"reviews": [[1600000000000, %d, -1, 3, 4, -60, 2500, 6157, 1],
                     [1600000000001, %d, -1, 1, -600, 4, 2300, "900", 2]]}
        """.formatted(a, a);
  }

  @Test
  void insertReviewsStoresTheTuplesAsSqliteConvertsThem() throws Exception {
    long a = cards.get(0);
    assertThat(server.result("insertReviews", twoReviews()).isNull()).isTrue();
    assertThat(cardReviews("Study", 0)).isEqualTo(json("""
        [[1600000000000, %d, -1, 3, 4, -60, 2500, 6157, 1], [1600000000001, %d, -1, 1, -600, 4, 2300, 900, 2]]
        """.formatted(a, a)));
    server.stop();
    StudyFixtures.assertAnkiFindsNoProblems(server.collectionPath());
  }

  @Test
  void insertReviewsIsAllOrNothing() throws Exception {
    long a = cards.get(0);
    server.result("insertReviews", twoReviews());
    assertThat(server.error("insertReviews", """
        {"reviews": [[1600000000002, %d, -1, 3, 4, -60, 2500, 6157, 1], [1600000000000, %d, -1, 3, 4, -60, 2500, 6157, 1]]}
        """.formatted(a, a))).isEqualTo("UNIQUE constraint failed: revlog.id");
    assertThat(cardReviews("Study", 0)).hasSize(2);
  }

  @Test
  void insertReviewsNeedsNineValues() throws Exception {
    assertThat(server.error("insertReviews", """
        {"reviews": [[1, 2, 3]]}
        """)).isEqualTo("3 values for 9 columns");
  }

  @Test
  void insertReviewsNeedsTuplesOfOneLength() throws Exception {
    assertThat(server.error("insertReviews", """
        {"reviews": [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1]]}
        """)).isEqualTo("all VALUES must have the same number of terms");
  }

  @Test
  void insertReviewsFailsOnATextValueAsItsSqlDoes() throws Exception {
    assertThat(server.error("insertReviews", """
        {"reviews": [[1600000000003, "abc", -1, 3, 4, -60, 2500, 6157, 1]]}
        """)).isEqualTo("no such column: abc");
  }

  @Test
  void insertReviewsFailsOnANullAsItsSqlDoes() throws Exception {
    assertThat(server.error("insertReviews", """
        {"reviews": [[1600000000003, null, -1, 3, 4, -60, 2500, 6157, 1]]}
        """)).isEqualTo("no such column: None");
  }

  @Test
  void getCollectionStatsHtmlIsAFullReportOfTheCollection() throws Exception {
    answer(cards.get(0), 3);
    String whole = server.result("getCollectionStatsHTML", "{}").asText();
    assertThat(whole).contains("<h1>Collection</h1>", "Studied <b>1</b> cards", "Future Due", "Reviews",
        "Review Intervals", "Card Ease", "Answer Buttons", "Hourly Breakdown", "Card Counts", "<svg")
        .doesNotContain("<script", "src=", "href=");
    assertThat(whole).contains("Total cards:</td><td><b>" + cards.size() + "</b>");
  }

  @Test
  void getCollectionStatsHtmlOfTheCurrentDeckCountsOnlyItsCards() throws Exception {
    assertThat(server.result("getCollectionStatsHTML", """
        {"wholeCollection": false}
        """).asText()).contains("<h1>Default</h1>", "Total cards:</td><td><b>0</b>");
  }
}
