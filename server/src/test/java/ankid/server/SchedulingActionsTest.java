package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * answerCards, forgetCards, relearnCards and setDueDate over HTTP ({@code plugin/__init__.py,
 * AnkiConnect.answerCards, forgetCards, relearnCards, setDueDate}) on a collection made by real
 * Anki: three Basic notes in "Study" and a reversed note in "Study::Sub".
 */
@ExtendWith(TestServerExtension.class)
class SchedulingActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestServer server;
  private List<Long> cards;

  @BeforeEach
  void studyCollection(TestServer server) throws Exception {
    SharedFiles.require();
    this.server = server;
    cards = StudyFixtures.newCollection(server.base(), 3);
  }

  /** type, queue, due, ivl, factor, reps, lapses, left, mod, usn. */
  private JsonNode card(long id) {
    return server.collection().read(c -> c.db().queryOne(
        "select type, queue, due, ivl, factor, reps, lapses, left, mod, usn from cards where id = ?",
        rs -> (JsonNode) JSON.valueToTree(List.of(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getInt(10))), id).orElseThrow());
  }

  /** ease, ivl, lastIvl, factor, time, type of each entry, oldest first. */
  private List<List<Long>> revlog(long id) {
    return server.collection().read(c -> c.db().query(
        "select ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id",
        rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), id));
  }

  private long today() {
    return server.collection().read(c -> c.timing().daysElapsed());
  }

  private void assertAnkiFindsNothingToFix() throws Exception {
    server.stop();
    StudyFixtures.assertAnkiFindsNoProblems(server.collectionPath());
  }

  /** Good on card 0, an unknown card, Easy on card 1. */
  private JsonNode answerGoodUnknownEasy() throws Exception {
    return server.result("answerCards", """
        {"answers": [{"cardId": %d, "ease": 3}, {"cardId": 999, "ease": 3}, {"cardId": %d, "ease": 4}]}
        """.formatted(cards.get(0), cards.get(1)));
  }

  private void setDueDate(String days, long... ids) throws Exception {
    server.result("setDueDate", """
        {"cards": %s, "days": "%s"}
        """.formatted(JSON.valueToTree(ids), days));
  }

  @Test
  void answerCardsAnswersKnownCardsAndReportsUnknownOnesAsFalse() throws Exception {
    assertThat(answerGoodUnknownEasy()).isEqualTo(json("[true, false, true]"));
    assertAnkiFindsNothingToFix();
  }

  @Test
  void goodOnANewCardMovesItToTheSecondLearningStep() throws Exception {
    answerGoodUnknownEasy();
    long a = cards.get(0);
    assertThat(card(a).get(0).asInt()).isEqualTo(1);
    assertThat(card(a).get(7).asInt()).isEqualTo(1);
    assertThat(revlog(a)).containsExactly(List.of(3L, -600L, 0L, 0L, 0L, 0L));
  }

  @Test
  void easyOnANewCardGraduatesItWithFourFuzzedDays() throws Exception {
    answerGoodUnknownEasy();
    long b = cards.get(1);
    long ivl = card(b).get(3).asLong();
    assertThat(ivl).as("4 days, fuzzed").isBetween(3L, 5L);
    assertThat(card(b).get(2).asLong()).isEqualTo(today() + ivl);
    assertThat(revlog(b)).containsExactly(List.of(4L, ivl, 0L, 2500L, 0L, 0L));
  }

  @Test
  void answersCountAsNewCardsStudiedTodayInTheDeck() throws Exception {
    answerGoodUnknownEasy();
    JsonNode deck = server.collection().read(c -> (JsonNode) JSON.valueToTree(List.of(
        c.decks().byName("Study").orElseThrow().common().getNewStudied(),
        c.decks().byName("Study").orElseThrow().common().getLastDayStudied())));
    assertThat(deck).isEqualTo(JSON.valueToTree(List.of(2, (int) today())));
  }

  @Test
  void answeredCardsLeaveTheNewCountForTheLearnCount() throws Exception {
    answerGoodUnknownEasy();
    JsonNode stats = server.result("getDeckStats", """
        {"decks": ["Study"]}
        """).elements().next();
    assertThat(stats.get("new_count").asInt()).isEqualTo(3);
    assertThat(stats.get("learn_count").asInt()).isEqualTo(1);
  }

  @Test
  void answerCardsWithABadItemAnswersNone() throws Exception {
    // AnkiConnect keeps the answers before the bad item; ankid runs every request as one transaction
    long a = cards.get(0);
    assertThat(server.error("answerCards", """
        {"answers": [{"cardId": %d, "ease": 1}, {"ease": 3}]}
        """.formatted(a))).isEqualTo("'cardId'");
    assertThat(revlog(a)).isEmpty();
    assertAnkiFindsNothingToFix();
  }

  @Test
  void answerCardsNeedsAnEase() throws Exception {
    assertThat(server.error("answerCards", """
        {"answers": [{"cardId": %d}]}
        """.formatted(cards.get(0)))).isEqualTo("'ease'");
  }

  @Test
  void answerCardsNeedsAnEaseFromOneToFour() throws Exception {
    assertThat(server.error("answerCards", """
        {"answers": [{"cardId": %d, "ease": 5}]}
        """.formatted(cards.get(0)))).isEqualTo("invalid rating: 5");
  }

  @Test
  void forgetCardsResetsAReviewCardToNewAtItsOldPosition() throws Exception {
    long a = cards.get(0);
    long position = card(a).get(2).asLong();
    setDueDate("5", a);
    assertThat(card(a).get(0).asInt()).isEqualTo(2);
    assertThat(server.result("forgetCards", """
        {"cards": [%d, 999]}
        """.formatted(a)).isNull()).isTrue();
    JsonNode after = card(a);
    assertThat(List.of(after.get(0).asInt(), after.get(1).asInt(), after.get(2).asLong(), after.get(3).asInt(),
        after.get(4).asInt())).isEqualTo(List.of(0, 0, position, 0, 0));
    assertAnkiFindsNothingToFix();
  }

  @Test
  void forgetCardsLogsAManualEntry() throws Exception {
    long a = cards.get(0);
    setDueDate("5", a);
    server.result("forgetCards", """
        {"cards": [%d]}
        """.formatted(a));
    assertThat(revlog(a).get(1)).isEqualTo(List.of(0L, 0L, 5L, 0L, 0L, 4L));
  }

  @Test
  void relearnCardsOnlyChangesTypeAndQueue() throws Exception {
    long a = cards.get(0);
    JsonNode before = card(a);
    assertThat(server.result("relearnCards", """
        {"cards": [%d]}
        """.formatted(a)).isNull()).isTrue();
    JsonNode after = card(a);
    assertThat(after.get(0).asInt()).isEqualTo(3);
    assertThat(after.get(1).asInt()).isEqualTo(1);
    assertThat(after.get(2)).isEqualTo(before.get(2));
    assertThat(after.get(8)).as("mod").isEqualTo(before.get(8));
    assertThat(after.get(9)).as("usn").isEqualTo(before.get(9));
    assertThat(revlog(a)).isEmpty();
  }

  @Test
  void setDueDateZeroMakesANewCardAReviewCardDueToday() throws Exception {
    long a = cards.get(0);
    assertThat(server.result("setDueDate", """
        {"cards": [%d], "days": "0"}
        """.formatted(a)).asBoolean()).isTrue();
    assertThat(List.of(card(a).get(0).asInt(), card(a).get(1).asInt(), card(a).get(2).asLong(), card(a).get(3).asLong(),
        card(a).get(4).asLong())).isEqualTo(List.of(2, 2, today(), 1L, 2500L));
    assertThat(revlog(a)).containsExactly(List.of(0L, 1L, 0L, 2500L, 0L, 4L));
    assertAnkiFindsNothingToFix();
  }

  @Test
  void setDueDateOfARangePicksADayInIt() throws Exception {
    long b = cards.get(1);
    setDueDate("3-7", b);
    assertThat(card(b).get(2).asLong()).isBetween(today() + 3, today() + 7);
  }

  @Test
  void setDueDateKeepsTheIntervalOfAReviewCard() throws Exception {
    long a = cards.get(0);
    setDueDate("0", a);
    setDueDate("9", a);
    assertThat(card(a).get(3).asInt()).as("review cards keep their interval").isEqualTo(1);
  }

  @Test
  void setDueDateWithABangSetsTheIntervalToo() throws Exception {
    long a = cards.get(0), c = cards.get(2);
    setDueDate("0", a);
    setDueDate("9!", a, c);
    assertThat(card(a).get(3).asInt()).isEqualTo(9);
    assertThat(card(c).get(2).asLong()).isEqualTo(today() + 9);
  }

  @Test
  void setDueDateRefusesNegativeDays() throws Exception {
    assertThat(server.error("setDueDate", """
        {"cards": [%d], "days": "-5"}
        """.formatted(cards.get(0)))).isEqualTo("invalid input: -5");
  }

  @Test
  void setDueDateRefusesSpacesInARange() throws Exception {
    assertThat(server.error("setDueDate", """
        {"cards": [%d], "days": "1 - 2"}
        """.formatted(cards.get(0)))).startsWith("invalid input");
  }

  @Test
  void setDueDateNeedsDaysAsAString() throws Exception {
    assertThat(server.error("setDueDate", """
        {"cards": [%d], "days": 3}
        """.formatted(cards.get(0)))).isEqualTo("bad argument type for built-in operation");
  }

  @Test
  void siblingsAreBuriedWhenThePresetSaysSo() throws Exception {
    long front = cards.get(cards.size() - 2), back = cards.get(cards.size() - 1);
    JsonNode conf = server.result("getDeckConfig", """
        {"deck": "Study::Sub"}
        """);
    ((ObjectNode) conf.get("new")).put("bury", true);
    server.result("saveDeckConfig", """
        {"config": %s}
        """.formatted(conf));
    server.result("answerCards", """
        {"answers": [{"cardId": %d, "ease": 3}]}
        """.formatted(front));
    assertThat(card(back).get(1).asInt()).isEqualTo(-2);
    assertAnkiFindsNothingToFix();
  }

  @Test
  void aLeechIsTaggedAndSuspendedWhenItsPresetSaysSo() throws Exception {
    long a = cards.get(0);
    JsonNode conf = server.result("getDeckConfig", """
        {"deck": "Study"}
        """);
    ((ObjectNode) conf.get("lapse")).put("leechFails", 1).put("leechAction", 0);
    server.result("saveDeckConfig", """
        {"config": %s}
        """.formatted(conf));
    setDueDate("0", a);
    server.result("answerCards", """
        {"answers": [{"cardId": %d, "ease": 1}]}
        """.formatted(a));
    assertThat(card(a).get(1).asInt()).isEqualTo(-1);
    assertThat(card(a).get(6).asInt()).isEqualTo(1);
    assertThat(server.result("findCards", """
        {"query": "tag:leech"}
        """)).containsExactly(JSON.valueToTree(a));
    assertAnkiFindsNothingToFix();
    assertThat(Oracle.run("sql", server.collectionPath().toString(), "select tag from tags").ok().get("rows").toString())
        .contains("leech");
  }
}
