package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card actions over HTTP ({@code plugin/__init__.py, AnkiConnect.cardsInfo, suspend, areDue,
 * getIntervals, setEaseFactors, setSpecificValueOfCard…}) on a collection made and studied by
 * real Anki: card 0 new (Basic), card 1 learning after Good (reversed note), card 2 review after
 * Easy, card 3 learning after Again (cloze c1), card 4 new (cloze c2).
 */
@ExtendWith(TestServerExtension.class)
class CardActionsTest {
  private static final long UNKNOWN = 123;

  @TempDir static Path built;
  static OracleCollection col;

  @BeforeAll
  static void buildCollection() throws Exception {
    col = OracleCollection.create(built, """
        {"notetype": "Basic", "fields": ["hello <b>world</b>", "bonjour"], "tags": ["t1"]}""", """
        {"notetype": "Basic (and reversed card)", "deck": "Lang::French", "fields": ["cat", "chat"]}""", """
        {"notetype": "Cloze", "deck": "Lang", "fields": ["El {{c1::niño}} come {{c2::pan::food}}", "x"]}""")
        .answer(1, 3).answer(2, 4).answer(3, 1);
  }

  @BeforeEach
  void install(TestServer server) throws Exception {
    col.installIn(server.base());
  }

  /** {@code {"cards": [ids]}}. */
  private static String cards(long... ids) {
    return cards("", ids);
  }

  /** {@code {"cards": [ids], more}}. */
  private static String cards(String more, long... ids) {
    return """
        {"cards": [%s]%s}
        """.formatted(LongStream.of(ids).mapToObj(Long::toString).collect(Collectors.joining(", ")), more);
  }

  @Test
  void cardsInfoGivesEveryKeyInAnkiConnectsOrder(TestServer server) throws Exception {
    List<String> keys = new ArrayList<>();
    server.result("cardsInfo", cards(col.card(2))).get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("cardId", "fields", "fieldOrder", "question", "answer", "modelName", "ord",
        "deckName", "css", "factor", "interval", "note", "type", "queue", "due", "reps", "lapses", "left", "mod",
        "nextReviews", "flags");
  }

  /** cardsInfo writes its reply as it renders; inside multi (a tree of replies) it reads the same. */
  @Test
  void cardsInfoInsideMultiIsTheSameAsAlone(TestServer server) throws Exception {
    String params = cards(col.card(0), UNKNOWN, col.card(3));
    JsonNode alone = server.result("cardsInfo", params);
    JsonNode batch = server.result("multi", """
        {"actions": [{"action": "cardsInfo", "version": 6, "params": %s}, {"action": "cardsInfo", "params": %s}]}
        """.formatted(params, params));
    assertThat(batch.get(0)).isEqualTo(json("{\"result\": " + alone + ", \"error\": null}"));
    assertThat(batch.get(1)).isEqualTo(alone);
  }

  @Test
  void cardsInfoAnswersEveryIdInOrderWithEmptyObjectsForUnknownOnes(TestServer server) throws Exception {
    JsonNode info = server.result("cardsInfo", cards(col.card(2), UNKNOWN, col.card(0)));
    assertThat(info).hasSize(3);
    assertThat(info.get(1)).isEqualTo(json("{}"));
  }

  @Test
  void cardsInfoDescribesAReviewCardOfAReversedNote(TestServer server) throws Exception {
    JsonNode reversed = server.result("cardsInfo", cards(col.card(2))).get(0);
    assertThat(reversed.get("fields")).isEqualTo(json("""
        {"Front": {"value": "cat", "order": 0}, "Back": {"value": "chat", "order": 1}}
        """));
    assertThat(reversed.get("fieldOrder").asInt()).isEqualTo(1);
    assertThat(reversed.get("ord").asInt()).isEqualTo(1);
    assertThat(reversed.get("modelName").asText()).isEqualTo("Basic (and reversed card)");
    assertThat(reversed.get("deckName").asText()).isEqualTo("Lang::French");
    String css = reversed.get("css").asText();
    assertThat(reversed.get("question").asText()).isEqualTo("<style>" + css + "</style>chat");
    assertThat(reversed.get("answer").asText()).isEqualTo("<style>" + css + "</style>chat\n\n<hr id=answer>\n\ncat");
    assertThat(reversed.get("type").asInt()).isEqualTo(2);
    assertThat(reversed.get("queue").asInt()).isEqualTo(2);
    assertThat(reversed.get("factor").asInt()).isEqualTo(2500);
    assertThat(reversed.get("interval").asLong()).isEqualTo(sql(server, "select ivl from cards where id = " + col.card(2)));
    assertThat(reversed.get("reps").asInt()).isEqualTo(1);
    assertThat(reversed.get("note").asLong()).isEqualTo(col.noteIds.get(1));
    assertThat(reversed.get("nextReviews")).hasSize(4);
    assertThat(reversed.get("flags").asInt()).isZero();
  }

  @Test
  void cardsInfoNextReviewsAreAnkisIntervalLabels(TestServer server) throws Exception {
    JsonNode basic = server.result("cardsInfo", cards(col.card(0))).get(0);
    assertThat(basic.get("deckName").asText()).isEqualTo("Default");
    // Easy's graduating interval is fuzzed by card id, so take Anki's own labels
    assertThat(basic.get("nextReviews"))
        .isEqualTo(Oracle.run("states", col.file.toString(), Long.toString(col.card(0))).ok().get("labels"));
    assertThat(basic.get("nextReviews").get(0).asText()).isEqualTo("<1m");
  }

  @Test
  void cardsInfoOfNoCardsIsEmpty(TestServer server) throws Exception {
    assertThat(server.result("cardsInfo", cards())).isEmpty();
  }

  @Test
  void cardsToNotesIsDistinctAndIgnoresUnknownIds(TestServer server) throws Exception {
    List<Long> got = new ArrayList<>();
    server.result("cardsToNotes", cards(col.card(1), col.card(2), UNKNOWN, col.card(0))).forEach(n -> got.add(n.asLong()));
    assertThat(got).containsExactlyInAnyOrder(col.noteIds.get(0), col.noteIds.get(1));
  }

  @Test
  void cardsModTimeIsAlignedWithEmptyObjectsForUnknownIds(TestServer server) throws Exception {
    JsonNode mods = server.result("cardsModTime", cards(UNKNOWN, col.card(0)));
    assertThat(mods.get(0)).isEqualTo(json("{}"));
    assertThat(mods.get(1).get("cardId").asLong()).isEqualTo(col.card(0));
    assertThat(mods.get(1).get("mod").asLong()).isBetween(1_000_000_000L, System.currentTimeMillis() / 1000);
  }

  @Test
  void suspendSuspendsAndReportsThatItDidSomething(TestServer server) throws Exception {
    assertThat(server.result("suspend", cards(col.card(0))).asBoolean()).isTrue();
    assertThat(server.result("suspended", """
        {"card": %d}
        """.formatted(col.card(0))).asBoolean()).isTrue();
  }

  @Test
  void suspendOfAnAlreadySuspendedCardAloneIsFalse(TestServer server) throws Exception {
    server.result("suspend", cards(col.card(0)));
    assertThat(server.result("suspend", cards(col.card(0))).asBoolean()).isFalse();
  }

  @Test
  void suspendSkipsTheCardAfterAnAlreadySuspendedOneAsAnkiConnectDoes(TestServer server) throws Exception {
    long a = col.card(0), b = col.card(1);
    server.result("suspend", cards(a));
    assertThat(server.result("suspend", cards(b)).asBoolean()).isTrue();
    // both suspended: a is dropped, b slides into its place and is never looked at
    assertThat(server.result("suspend", cards(a, b)).asBoolean()).isTrue();
  }

  @Test
  void areSuspendedIsNullForUnknownIds(TestServer server) throws Exception {
    server.result("suspend", cards(col.card(0)));
    assertThat(server.result("areSuspended", cards(col.card(0), col.card(4), UNKNOWN))).isEqualTo(json("""
        [true, false, null]
        """));
  }

  @Test
  void suspendOfAnUnknownCardFailsAndChangesNothing(TestServer server) throws Exception {
    long c = col.card(4);
    assertThat(server.error("suspend", cards(c, UNKNOWN))).isEqualTo("Card was not found: " + UNKNOWN);
    assertThat(server.result("suspended", """
        {"card": %d}
        """.formatted(c)).asBoolean()).as("the failed call changed nothing").isFalse();
  }

  @Test
  void anUnknownIdBehindASkippedCardIsNeverLookedUp(TestServer server) throws Exception {
    server.result("suspend", cards(col.card(0)));
    assertThat(server.result("suspend", cards(col.card(0), UNKNOWN)).asBoolean()).isTrue();
  }

  @Test
  void unsuspendRestoresTheQueuesFromTheCardTypes(TestServer server) throws Exception {
    long a = col.card(0), b = col.card(1);
    server.result("suspend", cards(a));
    server.result("suspend", cards(b));
    assertThat(server.call("unsuspend", cards(a, b))).isEqualTo(json("""
        {"result": null, "error": null}
        """));
    assertThat(server.result("areSuspended", cards(a, b))).isEqualTo(json("""
        [false, false]
        """));
    server.stop();
    assertThat(queues(server)).as("queues restored from type").containsExactly(0, 1, 2, 1, 0);
  }

  @Test
  void suspendWithSuspendFalseOfAnUnsuspendedCardIsFalse(TestServer server) throws Exception {
    assertThat(server.result("suspend", cards(", \"suspend\": false", col.card(0))).asBoolean()).isFalse();
  }

  @Test
  void unsuspendOfAnUnknownCardIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("unsuspend", cards(UNKNOWN))).isEqualTo("Card was not found: " + UNKNOWN);
  }

  @Test
  void suspendedOfAnUnknownCardIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("suspended", """
        {"card": %d}
        """.formatted(UNKNOWN))).isEqualTo("Card was not found: " + UNKNOWN);
  }

  @Test
  void suspendPutsTheCardsInQueueMinusOne(TestServer server) throws Exception {
    server.result("suspend", cards(col.card(1), col.card(2), col.card(3)));
    assertThat(queues(server)).containsExactly(0, -1, -1, -1, 0);
  }

  @Test
  void unsuspendMarksTheCardsModifiedAndAnkiFindsNothingToFix(TestServer server) throws Exception {
    server.result("suspend", cards(col.card(1), col.card(2), col.card(3)));
    server.result("unsuspend", cards(col.card(1), col.card(2), col.card(3)));
    assertThat(sql(server, "select count() from cards where usn = -1 and mod >= " + (System.currentTimeMillis() / 1000 - 60)))
        .isEqualTo(5L);
    server.stop();
    assertThat(queues(server)).containsExactly(0, 1, 2, 1, 0);
    assertThat(Oracle.run("check", server.collectionPath().toString()).ok().get("problems")).isEmpty();
  }

  /** Card 0's last answer scheduled a one-hour step half an hour ago. */
  private static void hourStepHalfAnHourAgo(TestServer server) throws Exception {
    insertRevlog(server, System.currentTimeMillis() - 30 * 60_000, col.card(0), -3600);
  }

  @Test
  void areDueOfShortStepsFollowsAnkisIsDueSearch(TestServer server) throws Exception {
    hourStepHalfAnHourAgo(server);
    // short steps defer to Anki's is:due search, which counts the learn-ahead window
    assertThat(server.result("areDue", cards(col.card(4), col.card(1), col.card(2), col.card(3)))).isEqualTo(json("""
        [true, %s, false, %s]
        """.formatted(ankiIsDue(server, col.card(1)), ankiIsDue(server, col.card(3)))));
  }

  @Test
  void areDueTakesNewCardsAsDueWhateverTheRevlog(TestServer server) throws Exception {
    hourStepHalfAnHourAgo(server);
    assertThat(server.result("areDue", cards(col.card(0)))).as("new cards are due regardless").isEqualTo(json("[true]"));
  }

  @Test
  void areDueOfALongStepWaitsForTheStepToPass(TestServer server) throws Exception {
    hourStepHalfAnHourAgo(server);
    server.result("setSpecificValueOfCard", """
        {"card": %d, "keys": ["type", "queue", "due"], "newValues": [1, 1, %d], "warning_check": true}
        """.formatted(col.card(0), System.currentTimeMillis() / 1000 + 1800));
    assertThat(server.result("areDue", cards(col.card(0)))).isEqualTo(json("[false]"));
  }

  @Test
  void areDueOfALongStepThatHasPassedIsTrue(TestServer server) throws Exception {
    insertRevlog(server, System.currentTimeMillis() - 2 * 3600_000, col.card(1), -3600);
    assertThat(server.result("areDue", cards(col.card(1)))).isEqualTo(json("[true]"));
  }

  @Test
  void areDueOfAnUnknownCardFailsAsAnkiConnectsIndexing(TestServer server) throws Exception {
    assertThat(server.error("areDue", cards(col.card(4), UNKNOWN))).isEqualTo("list index out of range");
  }

  @Test
  void getIntervalsGivesTheLastIntervalFromTheRevlog(TestServer server) throws Exception {
    long easyIvl = sql(server, "select ivl from revlog where cid = " + col.card(2));
    assertThat(server.result("getIntervals", cards(col.card(0), col.card(1), col.card(2), col.card(3)))).isEqualTo(json("""
        [0, -600, %d, -60]
        """.formatted(easyIvl)));
  }

  @Test
  void getIntervalsCompleteGivesEveryIntervalPerCard(TestServer server) throws Exception {
    long easyIvl = sql(server, "select ivl from revlog where cid = " + col.card(2));
    assertThat(server.result("getIntervals", cards(", \"complete\": true", col.card(0), col.card(2), UNKNOWN)))
        .isEqualTo(json("""
            [0, [%d], []]
            """.formatted(easyIvl)));
  }

  @Test
  void getIntervalsOfAnUnknownCardFailsAsAnkiConnectsIndexing(TestServer server) throws Exception {
    assertThat(server.error("getIntervals", cards(UNKNOWN))).isEqualTo("list index out of range");
  }

  @Test
  void getEaseFactorsIsNullForUnknownCards(TestServer server) throws Exception {
    assertThat(server.result("getEaseFactors", cards(col.card(2), col.card(0), UNKNOWN))).isEqualTo(json("""
        [2500, 0, null]
        """));
  }

  @Test
  void setEaseFactorsReportsPerCardAndAnkiFindsNothingToFix(TestServer server) throws Exception {
    assertThat(server.result("setEaseFactors", cards(", \"easeFactors\": [3100, 2000]", col.card(2), UNKNOWN)))
        .isEqualTo(json("[true, false]"));
    assertThat(server.result("getEaseFactors", cards(col.card(2)))).isEqualTo(json("[3100]"));
    assertThat(sql(server, "select usn from cards where id = " + col.card(2))).isEqualTo(-1L);
    server.stop();
    assertThat(Oracle.run("check", server.collectionPath().toString()).ok().get("problems")).isEmpty();
  }

  @Test
  void setEaseFactorsWithTooFewFactorsChangesNothing(TestServer server) throws Exception {
    // AnkiConnect keeps the cards before the failure; ankid runs every request as one transaction
    JsonNode before = server.result("getEaseFactors", cards(col.card(2), col.card(1)));
    assertThat(server.error("setEaseFactors", cards(", \"easeFactors\": [2900]", col.card(2), col.card(1))))
        .isEqualTo("list index out of range");
    assertThat(server.result("getEaseFactors", cards(col.card(2), col.card(1)))).isEqualTo(before);
  }

  @Test
  void setEaseFactorsNeedsIntegers(TestServer server) throws Exception {
    assertThat(server.error("setEaseFactors", cards(", \"easeFactors\": [\"2900\"]", col.card(1))))
        .isEqualTo("'str' object cannot be interpreted as an integer");
  }

  private static String setValues(long card, String keysAndValues) {
    return """
        {"card": %d, %s}
        """.formatted(card, keysAndValues);
  }

  private static JsonNode infoOf(TestServer server, long card) throws Exception {
    return server.result("cardsInfo", cards(card)).get(0);
  }

  @Test
  void setSpecificValueOfCardSetsUnprotectedKeys(TestServer server) throws Exception {
    long c = col.card(2);
    assertThat(server.result("setSpecificValueOfCard", setValues(c, """
        "keys": ["flags", "due"], "newValues": [3, 100]"""))).isEqualTo(json("[true]"));
    assertThat(infoOf(server, c).get("flags").asInt()).isEqualTo(3);
    assertThat(infoOf(server, c).get("due").asInt()).isEqualTo(100);
  }

  @Test
  void setSpecificValueOfCardRefusesAProtectedKeyWithoutWarningCheck(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(col.card(2), """
        "keys": ["ivl"], "newValues": [9]"""))).as("protected key without warning_check").isEqualTo(json("false"));
  }

  @Test
  void setSpecificValueOfCardGuardsOnlyWhenWarningCheckIsReallyFalse(TestServer server) throws Exception {
    long c = col.card(2);
    assertThat(server.result("setSpecificValueOfCard", setValues(c, """
        "keys": ["ivl"], "newValues": [9], "warning_check": 0""")))
        .as("only a real false guards (`is False`)").isEqualTo(json("[true]"));
    assertThat(infoOf(server, c).get("interval").asInt()).isEqualTo(9);
  }

  @Test
  void setSpecificValueOfCardNeedsAsManyValuesAsKeys(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(col.card(2), """
        "keys": ["flags"], "newValues": [1, 2]"""))).isEqualTo(json("false"));
  }

  @Test
  void setSpecificValueOfCardNeedsAListOfKeys(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(col.card(2), """
        "keys": "flags", "newValues": [1]"""))).isEqualTo(json("false"));
  }

  @Test
  void setSpecificValueOfCardNeedsOneCardId(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", """
        {"card": [%d], "keys": ["flags"], "newValues": [1]}
        """.formatted(col.card(2)))).isEqualTo(json("false"));
  }

  @Test
  void setSpecificValueOfCardReportsAValueOfTheWrongType(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(col.card(2), """
        "keys": ["flags"], "newValues": ["1"]"""))).isEqualTo(json("""
        [[false, "'str' object cannot be interpreted as an integer"]]
        """));
  }

  @Test
  void setSpecificValueOfCardReportsAnInvalidQueueAndKeepsTheCard(TestServer server) throws Exception {
    long c = col.card(2);
    assertThat(server.result("setSpecificValueOfCard", setValues(c, """
        "keys": ["queue"], "newValues": [7], "warning_check": true"""))).isEqualTo(json("""
        [[false, "invalid card queue"]]
        """));
    assertThat(infoOf(server, c).get("queue").asInt()).isEqualTo(2);
  }

  @Test
  void setSpecificValueOfCardReportsAnUnknownCard(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(UNKNOWN, """
        "keys": ["flags"], "newValues": [1]"""))).isEqualTo(json("""
        [[false, "Card was not found: %d"]]
        """.formatted(UNKNOWN)));
  }

  @Test
  void setSpecificValueOfCardIgnoresUnknownAttributes(TestServer server) throws Exception {
    assertThat(server.result("setSpecificValueOfCard", setValues(col.card(2), """
        "keys": ["nonsense"], "newValues": ["x"]"""))).as("unknown attributes are silently ineffective")
        .isEqualTo(json("[true]"));
  }

  private static boolean ankiIsDue(TestServer server, long cid) {
    return !Oracle.run("search", server.collectionPath().toString(), "cid:" + cid + " is:due").ok().get("ids").isEmpty();
  }

  private static List<Integer> queues(TestServer server) {
    List<Integer> out = new ArrayList<>();
    for (long cid : col.cardIds) out.add((int) sql(server, "select queue from cards where id = " + cid));
    return out;
  }

  private static long sql(TestServer server, String query) {
    JsonNode rows = Oracle.run("sql", server.collectionPath().toString(), query).ok().get("rows");
    return rows.get(0).get(0).asLong();
  }

  /** A revlog row written before the server opens the collection. */
  private static void insertRevlog(TestServer server, long id, long cid, int ivl) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + server.collectionPath())) {
      db.createStatement().executeUpdate("insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
          + " values (" + id + ", " + cid + ", -1, 3, " + ivl + ", -60, 0, 1000, 0)");
    }
  }
}
