package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** answerCards, forgetCards, relearnCards and setDueDate over HTTP (api doc §2.1). */
class SchedulingActionsTest {
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

  private JsonNode card(long id) {
    return server.collection().read(c -> c.db().queryOne(
        "select type, queue, due, ivl, factor, reps, lapses, left, mod, usn from cards where id = ?",
        rs -> (JsonNode) JSON.valueToTree(List.of(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getInt(10))), id).orElseThrow());
  }

  private List<List<Long>> revlog(long id) {
    return server.collection().read(c -> c.db().query(
        "select ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id",
        rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), id));
  }

  private long today() {
    return server.collection().read(c -> c.timing().daysElapsed());
  }

  private void closeAndCheck() throws Exception {
    Path file = server.collectionPath();
    server.close();
    server = null;
    StudyFixtures.assertAnkiFindsNoProblems(file);
  }

  @Test
  void answerCardsAnswersKnownCardsAndReportsUnknownOnesAsFalse() throws Exception {
    long a = cards.get(0), b = cards.get(1);
    JsonNode result = server.result("answerCards",
        "{\"answers\":[{\"cardId\":" + a + ",\"ease\":3},{\"cardId\":999,\"ease\":3},{\"cardId\":" + b + ",\"ease\":4}]}");
    assertThat(result).isEqualTo(JSON.readTree("[true,false,true]"));
    // Good on a new card: second learning step (10 min); Easy: graduates with 4 days
    assertThat(card(a).get(0).asInt()).isEqualTo(1);
    assertThat(card(a).get(7).asInt()).isEqualTo(1);
    assertThat(revlog(a)).containsExactly(List.of(3L, -600L, 0L, 0L, 0L, 0L));
    long ivl = card(b).get(3).asLong();
    assertThat(ivl).as("4 days, fuzzed").isBetween(3L, 5L);
    assertThat(card(b).get(2).asLong()).isEqualTo(today() + ivl);
    assertThat(revlog(b)).containsExactly(List.of(4L, ivl, 0L, 2500L, 0L, 0L));
    JsonNode deck = server.collection().read(c -> (JsonNode) JSON.valueToTree(List.of(
        c.decks().byName("Study").orElseThrow().common().getNewStudied(),
        c.decks().byName("Study").orElseThrow().common().getLastDayStudied())));
    assertThat(deck).isEqualTo(JSON.valueToTree(List.of(2, (int) today())));
    JsonNode stats = server.result("getDeckStats", "{\"decks\":[\"Study\"]}").elements().next();
    assertThat(stats.get("new_count").asInt()).isEqualTo(3);
    assertThat(stats.get("learn_count").asInt()).isEqualTo(1);
    closeAndCheck();
  }

  @Test
  void answerCardsStopsAtTheFirstBadItemKeepingEarlierAnswers() throws Exception {
    long a = cards.get(0);
    assertThat(server.error("answerCards", "{\"answers\":[{\"cardId\":" + a + ",\"ease\":1},{\"ease\":3}]}"))
        .isEqualTo("'cardId'");
    assertThat(server.error("answerCards", "{\"answers\":[{\"cardId\":" + a + "}]}")).isEqualTo("'ease'");
    assertThat(server.error("answerCards", "{\"answers\":[{\"cardId\":" + a + ",\"ease\":5}]}"))
        .isEqualTo("invalid rating: 5");
    assertThat(revlog(a)).hasSize(1);
    closeAndCheck();
  }

  @Test
  void forgetCardsResetsToNewAtTheOldPositionWithAManualRevlogEntry() throws Exception {
    long a = cards.get(0);
    long position = card(a).get(2).asLong();
    server.result("setDueDate", "{\"cards\":[" + a + "],\"days\":\"5\"}");
    assertThat(card(a).get(0).asInt()).isEqualTo(2);
    assertThat(server.result("forgetCards", "{\"cards\":[" + a + ",999]}").isNull()).isTrue();
    JsonNode after = card(a);
    assertThat(List.of(after.get(0).asInt(), after.get(1).asInt(), after.get(2).asLong(), after.get(3).asInt(),
        after.get(4).asInt())).isEqualTo(List.of(0, 0, position, 0, 0));
    assertThat(revlog(a).get(1)).isEqualTo(List.of(0L, 0L, 5L, 0L, 0L, 4L));
    closeAndCheck();
  }

  @Test
  void relearnCardsIsARawTypeAndQueueChange() throws Exception {
    long a = cards.get(0);
    JsonNode before = card(a);
    assertThat(server.result("relearnCards", "{\"cards\":[" + a + "]}").isNull()).isTrue();
    JsonNode after = card(a);
    assertThat(after.get(0).asInt()).isEqualTo(3);
    assertThat(after.get(1).asInt()).isEqualTo(1);
    assertThat(after.get(2)).isEqualTo(before.get(2));
    assertThat(after.get(8)).as("mod").isEqualTo(before.get(8));
    assertThat(after.get(9)).as("usn").isEqualTo(before.get(9));
    assertThat(revlog(a)).isEmpty();
  }

  @Test
  void setDueDateFollowsAnkisSyntax() throws Exception {
    long a = cards.get(0), b = cards.get(1), c = cards.get(2);
    assertThat(server.result("setDueDate", "{\"cards\":[" + a + "],\"days\":\"0\"}").asBoolean()).isTrue();
    assertThat(List.of(card(a).get(0).asInt(), card(a).get(1).asInt(), card(a).get(2).asLong(), card(a).get(3).asLong(),
        card(a).get(4).asLong())).isEqualTo(List.of(2, 2, today(), 1L, 2500L));
    assertThat(revlog(a)).containsExactly(List.of(0L, 1L, 0L, 2500L, 0L, 4L));
    server.result("setDueDate", "{\"cards\":[" + b + "],\"days\":\"3-7\"}");
    assertThat(card(b).get(2).asLong()).isBetween(today() + 3, today() + 7);
    server.result("setDueDate", "{\"cards\":[" + a + "],\"days\":\"9\"}");
    assertThat(card(a).get(3).asInt()).as("review cards keep their interval").isEqualTo(1);
    server.result("setDueDate", "{\"cards\":[" + a + "," + c + "],\"days\":\"9!\"}");
    assertThat(card(a).get(3).asInt()).isEqualTo(9);
    assertThat(card(c).get(2).asLong()).isEqualTo(today() + 9);
    assertThat(server.error("setDueDate", "{\"cards\":[" + a + "],\"days\":\"-5\"}")).isEqualTo("invalid input: -5");
    assertThat(server.error("setDueDate", "{\"cards\":[" + a + "],\"days\":\"1 - 2\"}")).startsWith("invalid input");
    assertThat(server.error("setDueDate", "{\"cards\":[" + a + "],\"days\":3}"))
        .isEqualTo("bad argument type for built-in operation");
    closeAndCheck();
  }

  @Test
  void siblingsAreBuriedWhenThePresetSaysSo() throws Exception {
    long front = cards.get(cards.size() - 2), back = cards.get(cards.size() - 1);
    JsonNode conf = server.result("getDeckConfig", "{\"deck\":\"Study::Sub\"}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) conf.get("new")).put("bury", true);
    server.result("saveDeckConfig", "{\"config\":" + conf + "}");
    server.result("answerCards", "{\"answers\":[{\"cardId\":" + front + ",\"ease\":3}]}");
    assertThat(card(back).get(1).asInt()).isEqualTo(-2);
    closeAndCheck();
  }

  @Test
  void aLeechIsTaggedAndSuspendedWhenItsPresetSaysSo() throws Exception {
    long a = cards.get(0);
    JsonNode conf = server.result("getDeckConfig", "{\"deck\":\"Study\"}");
    ((com.fasterxml.jackson.databind.node.ObjectNode) conf.get("lapse")).put("leechFails", 1).put("leechAction", 0);
    server.result("saveDeckConfig", "{\"config\":" + conf + "}");
    server.result("setDueDate", "{\"cards\":[" + a + "],\"days\":\"0\"}");
    server.result("answerCards", "{\"answers\":[{\"cardId\":" + a + ",\"ease\":1}]}");
    assertThat(card(a).get(1).asInt()).isEqualTo(-1);
    assertThat(card(a).get(6).asInt()).isEqualTo(1);
    JsonNode found = server.result("findCards", "{\"query\":\"tag:leech\"}");
    assertThat(found).containsExactly(JSON.valueToTree(a));
    closeAndCheck();
    Path file = base.resolve("User 1").resolve(Profiles.COLLECTION_FILE);
    assertThat(Oracle.run("sql", file.toString(), "select tag from tags").ok().get("rows").toString()).contains("leech");
  }
}
