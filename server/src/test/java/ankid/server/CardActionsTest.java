package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card actions of api doc §2.1 over HTTP, on a collection made and studied by real Anki:
 * card 0 new (Basic), card 1 learning after Good (reversed note), card 2 review after Easy,
 * card 3 learning after Again (cloze c1), card 4 new (cloze c2).
 */
class CardActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long UNKNOWN = 123;

  @TempDir static Path built;
  @TempDir Path tmp;
  static OracleCollection col;

  @BeforeAll
  static void buildCollection() throws Exception {
    col = OracleCollection.create(built,
        "{\"notetype\": \"Basic\", \"fields\": [\"hello <b>world</b>\", \"bonjour\"], \"tags\": [\"t1\"]}",
        "{\"notetype\": \"Basic (and reversed card)\", \"deck\": \"Lang::French\", \"fields\": [\"cat\", \"chat\"]}",
        "{\"notetype\": \"Cloze\", \"deck\": \"Lang\", \"fields\": [\"El {{c1::niño}} come {{c2::pan::food}}\", \"x\"]}")
        .answer(1, 3).answer(2, 4).answer(3, 1);
  }

  @BeforeEach
  void install() throws Exception {
    col.installIn(tmp.resolve("base"));
  }

  private TestServer server() throws Exception {
    return new TestServer(tmp.resolve("base"));
  }

  private String cards(long... ids) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ids.length; i++) sb.append(i == 0 ? "" : ",").append(ids[i]);
    return sb.append(']').toString();
  }

  private JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void cardsInfoGivesEveryFieldInOrderAndEmptyObjectsForUnknownIds() throws Exception {
    try (TestServer s = server()) {
      JsonNode info = s.result("cardsInfo", "{\"cards\":" + cards(col.card(2), UNKNOWN, col.card(0)) + "}");
      assertThat(info).hasSize(3);
      assertThat(info.get(1)).isEqualTo(json("{}"));
      JsonNode reversed = info.get(0);
      List<String> keys = new ArrayList<>();
      reversed.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("cardId", "fields", "fieldOrder", "question", "answer", "modelName", "ord",
          "deckName", "css", "factor", "interval", "note", "type", "queue", "due", "reps", "lapses", "left", "mod",
          "nextReviews", "flags");
      assertThat(reversed.get("fields"))
          .isEqualTo(json("{\"Front\":{\"value\":\"cat\",\"order\":0},\"Back\":{\"value\":\"chat\",\"order\":1}}"));
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
      assertThat(reversed.get("interval").asLong()).isEqualTo(sql("select ivl from cards where id = " + col.card(2)));
      assertThat(reversed.get("reps").asInt()).isEqualTo(1);
      assertThat(reversed.get("note").asLong()).isEqualTo(col.noteIds.get(1));
      assertThat(reversed.get("nextReviews")).hasSize(4);
      assertThat(reversed.get("flags").asInt()).isZero();
      JsonNode basic = info.get(2);
      assertThat(basic.get("deckName").asText()).isEqualTo("Default");
      // Easy's graduating interval is fuzzed by card id, so take Anki's own labels
      assertThat(basic.get("nextReviews"))
          .isEqualTo(Oracle.run("states", col.file.toString(), Long.toString(col.card(0))).ok().get("labels"));
      assertThat(basic.get("nextReviews").get(0).asText()).isEqualTo("<1m");
      assertThat(s.result("cardsInfo", "{\"cards\":[]}")).isEmpty();
    }
  }

  @Test
  void cardsToNotesIsDistinctAndIgnoresUnknownIds() throws Exception {
    try (TestServer s = server()) {
      JsonNode nids = s.result("cardsToNotes", "{\"cards\":" + cards(col.card(1), col.card(2), UNKNOWN, col.card(0)) + "}");
      List<Long> got = new ArrayList<>();
      nids.forEach(n -> got.add(n.asLong()));
      assertThat(got).containsExactlyInAnyOrder(col.noteIds.get(0), col.noteIds.get(1));
    }
  }

  @Test
  void cardsModTimeIsAlignedWithEmptyObjectsForUnknownIds() throws Exception {
    try (TestServer s = server()) {
      JsonNode mods = s.result("cardsModTime", "{\"cards\":" + cards(UNKNOWN, col.card(0)) + "}");
      assertThat(mods.get(0)).isEqualTo(json("{}"));
      assertThat(mods.get(1).get("cardId").asLong()).isEqualTo(col.card(0));
      assertThat(mods.get(1).get("mod").asLong()).isBetween(1_000_000_000L, System.currentTimeMillis() / 1000);
    }
  }

  @Test
  void suspendReportsWhetherAnythingWasLeftToDoWithAnkiConnectsSkippingQuirk() throws Exception {
    try (TestServer s = server()) {
      long a = col.card(0), b = col.card(1), c = col.card(4);
      assertThat(s.result("suspend", "{\"cards\":" + cards(a) + "}").asBoolean()).isTrue();
      assertThat(s.result("suspended", "{\"card\":" + a + "}").asBoolean()).isTrue();
      // already suspended alone: nothing left
      assertThat(s.result("suspend", "{\"cards\":" + cards(a) + "}").asBoolean()).isFalse();
      assertThat(s.result("suspend", "{\"cards\":" + cards(b) + "}").asBoolean()).isTrue();
      // both suspended: a is dropped, b slides into its place and is never looked at
      assertThat(s.result("suspend", "{\"cards\":" + cards(a, b) + "}").asBoolean()).isTrue();
      assertThat(s.result("areSuspended", "{\"cards\":" + cards(a, c, UNKNOWN) + "}"))
          .isEqualTo(json("[true,false,null]"));
      assertThat(s.error("suspend", "{\"cards\":" + cards(c, UNKNOWN) + "}")).isEqualTo("Card was not found: " + UNKNOWN);
      assertThat(s.result("suspended", "{\"card\":" + c + "}").asBoolean()).as("the failed call changed nothing").isFalse();
      // unknown id hidden behind a skipped card is never looked up
      assertThat(s.result("suspend", "{\"cards\":" + cards(a, UNKNOWN) + "}").asBoolean()).isTrue();

      assertThat(s.call("unsuspend", "{\"cards\":" + cards(a, b) + "}")).isEqualTo(json("{\"result\":null,\"error\":null}"));
      assertThat(s.result("areSuspended", "{\"cards\":" + cards(a, b) + "}")).isEqualTo(json("[false,false]"));
      assertThat(s.result("suspend", "{\"cards\":" + cards(a) + ",\"suspend\":false}").asBoolean()).isFalse();
      assertThat(s.error("unsuspend", "{\"cards\":" + cards(UNKNOWN) + "}")).isEqualTo("Card was not found: " + UNKNOWN);
      assertThat(s.error("suspended", "{\"card\":" + UNKNOWN + "}")).isEqualTo("Card was not found: " + UNKNOWN);
    }
    assertThat(queues()).as("queues restored from type").containsExactly(0, 1, 2, 1, 0);
  }

  @Test
  void suspendAndUnsuspendMarkCardsModifiedAndKeepTheFileValid() throws Exception {
    try (TestServer s = server()) {
      s.result("suspend", "{\"cards\":" + cards(col.card(1), col.card(2), col.card(3)) + "}");
      assertThat(queues()).containsExactly(0, -1, -1, -1, 0);
      s.result("unsuspend", "{\"cards\":" + cards(col.card(1), col.card(2), col.card(3)) + "}");
      assertThat(sql("select count() from cards where usn = -1 and mod >= " + (System.currentTimeMillis() / 1000 - 60)))
          .isEqualTo(5L);
    }
    assertThat(queues()).containsExactly(0, 1, 2, 1, 0);
    assertThat(Oracle.run("check", collectionFile().toString()).ok().get("problems")).isEmpty();
  }

  @Test
  void areDueFollowsNewCardsSearchesAndLongLearningSteps() throws Exception {
    long now = System.currentTimeMillis();
    // a card whose last answer scheduled a 1 h step: due only once that hour has passed
    insertRevlog(now - 30 * 60_000, col.card(0), -3600);
    try (TestServer s = server()) {
      // short steps defer to Anki's is:due search, which counts the learn-ahead window
      JsonNode due = s.result("areDue", "{\"cards\":" + cards(col.card(4), col.card(1), col.card(2), col.card(3)) + "}");
      assertThat(due).isEqualTo(json("[true," + ankiIsDue(col.card(1)) + ",false," + ankiIsDue(col.card(3)) + "]"));
      assertThat(s.result("areDue", "{\"cards\":" + cards(col.card(0)) + "}")).as("new cards are due regardless")
          .isEqualTo(json("[true]"));
      s.result("setSpecificValueOfCard", "{\"card\":" + col.card(0) + ",\"keys\":[\"type\",\"queue\",\"due\"],"
          + "\"newValues\":[1,1," + (now / 1000 + 1800) + "],\"warning_check\":true}");
      assertThat(s.result("areDue", "{\"cards\":" + cards(col.card(0)) + "}")).isEqualTo(json("[false]"));
      assertThat(s.error("areDue", "{\"cards\":" + cards(col.card(4), UNKNOWN) + "}")).isEqualTo("list index out of range");
    }
    insertRevlog(now - 2 * 3600_000, col.card(1), -3600);
    try (TestServer s = server()) {
      assertThat(s.result("areDue", "{\"cards\":" + cards(col.card(1)) + "}")).isEqualTo(json("[true]"));
    }
  }

  @Test
  void getIntervalsReadsTheRevlog() throws Exception {
    try (TestServer s = server()) {
      long easyIvl = sql("select ivl from revlog where cid = " + col.card(2));
      assertThat(s.result("getIntervals", "{\"cards\":" + cards(col.card(0), col.card(1), col.card(2), col.card(3)) + "}"))
          .isEqualTo(json("[0,-600," + easyIvl + ",-60]"));
      assertThat(s.result("getIntervals", "{\"cards\":" + cards(col.card(0), col.card(2), UNKNOWN) + ",\"complete\":true}"))
          .isEqualTo(json("[0,[" + easyIvl + "],[]]"));
      assertThat(s.error("getIntervals", "{\"cards\":" + cards(UNKNOWN) + "}")).isEqualTo("list index out of range");
    }
  }

  @Test
  void easeFactorsAreReadAndWrittenPerCard() throws Exception {
    try (TestServer s = server()) {
      assertThat(s.result("getEaseFactors", "{\"cards\":" + cards(col.card(2), col.card(0), UNKNOWN) + "}"))
          .isEqualTo(json("[2500,0,null]"));
      assertThat(s.result("setEaseFactors", "{\"cards\":" + cards(col.card(2), UNKNOWN) + ",\"easeFactors\":[3100,2000]}"))
          .isEqualTo(json("[true,false]"));
      assertThat(s.result("getEaseFactors", "{\"cards\":" + cards(col.card(2)) + "}")).isEqualTo(json("[3100]"));
      // too few factors: the cards before the failing index stay changed
      assertThat(s.error("setEaseFactors", "{\"cards\":" + cards(col.card(2), col.card(1)) + ",\"easeFactors\":[2900]}"))
          .isEqualTo("list index out of range");
      assertThat(s.error("setEaseFactors", "{\"cards\":" + cards(col.card(1)) + ",\"easeFactors\":[\"2900\"]}"))
          .isEqualTo("'str' object cannot be interpreted as an integer");
      assertThat(s.result("getEaseFactors", "{\"cards\":" + cards(col.card(2), col.card(1)) + "}"))
          .isEqualTo(json("[2900,0]"));
      assertThat(sql("select usn from cards where id = " + col.card(2))).isEqualTo(-1L);
    }
    assertThat(Oracle.run("check", collectionFile().toString()).ok().get("problems")).isEmpty();
  }

  @Test
  void setSpecificValueOfCardGuardsProtectedKeysAndReportsSaveErrors() throws Exception {
    long c = col.card(2);
    try (TestServer s = server()) {
      String prefix = "{\"card\":" + c + ",";
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"flags\",\"due\"],\"newValues\":[3,100]}"))
          .isEqualTo(json("[true]"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"ivl\"],\"newValues\":[9]}"))
          .as("protected key without warning_check").isEqualTo(json("false"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"ivl\"],\"newValues\":[9],\"warning_check\":0}"))
          .as("only a real false guards (`is False`)").isEqualTo(json("[true]"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"flags\"],\"newValues\":[1,2]}")).isEqualTo(json("false"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":\"flags\",\"newValues\":[1]}")).isEqualTo(json("false"));
      assertThat(s.result("setSpecificValueOfCard", "{\"card\":[" + c + "],\"keys\":[\"flags\"],\"newValues\":[1]}"))
          .isEqualTo(json("false"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"flags\"],\"newValues\":[\"1\"]}"))
          .isEqualTo(json("[[false,\"'str' object cannot be interpreted as an integer\"]]"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"queue\"],\"newValues\":[7],\"warning_check\":true}"))
          .isEqualTo(json("[[false,\"invalid card queue\"]]"));
      assertThat(s.result("setSpecificValueOfCard", "{\"card\":" + UNKNOWN + ",\"keys\":[\"flags\"],\"newValues\":[1]}"))
          .isEqualTo(json("[[false,\"Card was not found: " + UNKNOWN + "\"]]"));
      assertThat(s.result("setSpecificValueOfCard", prefix + "\"keys\":[\"nonsense\"],\"newValues\":[\"x\"]}"))
          .as("unknown attributes are silently ineffective").isEqualTo(json("[true]"));
      JsonNode info = s.result("cardsInfo", "{\"cards\":[" + c + "]}").get(0);
      assertThat(info.get("flags").asInt()).isEqualTo(3);
      assertThat(info.get("due").asInt()).isEqualTo(100);
      assertThat(info.get("interval").asInt()).isEqualTo(9);
      assertThat(info.get("queue").asInt()).isEqualTo(2);
    }
  }

  private Path collectionFile() {
    return tmp.resolve("base").resolve("User 1").resolve("collection.anki2");
  }

  private boolean ankiIsDue(long cid) {
    return !Oracle.run("search", collectionFile().toString(), "cid:" + cid + " is:due").ok().get("ids").isEmpty();
  }

  private List<Integer> queues() throws Exception {
    List<Integer> out = new ArrayList<>();
    for (long cid : col.cardIds) out.add((int) sql("select queue from cards where id = " + cid));
    return out;
  }

  private long sql(String query) throws Exception {
    JsonNode rows = Oracle.run("sql", collectionFile().toString(), query).ok().get("rows");
    return rows.get(0).get(0).asLong();
  }

  private void insertRevlog(long id, long cid, int ivl) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + collectionFile())) {
      db.createStatement().executeUpdate("insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
          + " values (" + id + ", " + cid + ", -1, 3, " + ivl + ", -60, 0, 1000, 0)");
    }
  }
}
