package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deck actions over HTTP (api doc §2.2), and real Anki's verdict on the file afterwards. */
class DeckActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void createDeckMakesParentsAndReturnsExistingIdsCaseInsensitively() throws Exception {
    long id = server.result("createDeck", "{\"deck\":\"Japanese::JLPT N3\"}").asLong();
    assertThat(id).isGreaterThan(1_000_000_000_000L);
    assertThat(server.result("createDeck", "{\"deck\":\"japanese::jlpt n3\"}").asLong()).isEqualTo(id);
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("[\"Default\",\"Japanese\",\"Japanese::JLPT N3\"]"));
    JsonNode ids = server.result("deckNamesAndIds", "{}");
    assertThat(ids.get("Default").asLong()).isEqualTo(1);
    assertThat(ids.get("Japanese::JLPT N3").asLong()).isEqualTo(id);
    assertThat(server.result("deckNameFromId", "{\"deckId\":" + id + "}").asText()).isEqualTo("Japanese::JLPT N3");
    assertThat(server.result("deckNameFromId", "{\"deckId\":424242}").asText()).isEqualTo("Default");
  }

  @Test
  void getDeckStatsIsKeyedByIdWithLeafNamesAndCreatesUnknownDecks() throws Exception {
    long id = server.result("createDeck", "{\"deck\":\"Japanese::JLPT N5\"}").asLong();
    JsonNode stats = server.result("getDeckStats", "{\"decks\":[\"Japanese::JLPT N5\",\"Brand New\"]}");
    assertThat(stats.get(Long.toString(id))).isEqualTo(json("{\"deck_id\":" + id
        + ",\"name\":\"JLPT N5\",\"new_count\":0,\"learn_count\":0,\"review_count\":0,\"total_in_deck\":0}"));
    assertThat(stats.size()).isEqualTo(2);
    assertThat(server.result("deckNames", "{}").toString()).contains("Brand New");
  }

  @Test
  void getDecksPutsUnknownCardsUnderDefault() throws Exception {
    assertThat(server.result("getDecks", "{\"cards\":[123]}")).isEqualTo(json("{\"Default\":[123]}"));
  }

  @Test
  void deleteDecksNeedsCardsTooAndMatchesNamesExactly() throws Exception {
    server.result("createDeck", "{\"deck\":\"A::B\"}");
    assertThat(server.error("deleteDecks", "{\"decks\":[\"A\"]}"))
        .isEqualTo("Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well");
    server.result("deleteDecks", "{\"decks\":[\"a\"],\"cardsToo\":true}");
    assertThat(server.result("deckNames", "{}")).hasSize(3);
    server.result("deleteDecks", "{\"decks\":[\"A\"],\"cardsToo\":true}");
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("[\"Default\"]"));
  }

  @Test
  void presetsCanBeReadClonedAssignedSavedAndRemoved() throws Exception {
    JsonNode conf = server.result("getDeckConfig", "{\"deck\":\"Default\"}");
    assertThat(conf.get("id").asLong()).isEqualTo(1);
    assertThat(conf.get("name").asText()).isEqualTo("Default");
    assertThat(conf.get("new").get("perDay").asInt()).isEqualTo(20);
    assertThat(conf.get("new").get("delays")).isEqualTo(json("[1.0,10.0]"));
    assertThat(conf.get("new").get("initialFactor").asInt()).isEqualTo(2500);
    assertThat(conf.get("rev").get("ease4").asDouble()).isEqualTo(1.3);
    assertThat(conf.get("lapse").get("leechAction").asInt()).isEqualTo(1);
    assertThat(conf.get("dyn").asBoolean()).isFalse();
    assertThat(server.result("getDeckConfig", "{\"deck\":\"default\"}").asBoolean()).isFalse();

    long clone = server.result("cloneDeckConfigId", "{\"name\":\"Fast\",\"cloneFrom\":1}").asLong();
    assertThat(server.result("cloneDeckConfigId", "{\"name\":\"X\",\"cloneFrom\":999}").asBoolean()).isFalse();
    server.result("createDeck", "{\"deck\":\"Fast deck\"}");
    assertThat(server.result("setDeckConfigId", "{\"decks\":[\"Fast deck\"],\"configId\":" + clone + "}").asBoolean())
        .isTrue();
    assertThat(server.result("setDeckConfigId", "{\"decks\":[\"Fast deck\",\"missing\"],\"configId\":1}").asBoolean())
        .isFalse();
    JsonNode fast = server.result("getDeckConfig", "{\"deck\":\"Fast deck\"}");
    assertThat(fast.get("id").asLong()).isEqualTo(clone);
    ((com.fasterxml.jackson.databind.node.ObjectNode) fast.get("new")).put("perDay", 77);
    assertThat(server.result("saveDeckConfig", "{\"config\":" + fast + "}").asBoolean()).isTrue();
    assertThat(server.result("getDeckConfig", "{\"deck\":\"Fast deck\"}").get("new").get("perDay").asInt())
        .isEqualTo(77);
    assertThat(server.error("saveDeckConfig", "{\"config\":{}}")).isEqualTo("'id'");
    assertThat(server.result("saveDeckConfig", "{\"config\":{\"id\":31337}}").asBoolean()).isFalse();

    assertThat(server.error("removeDeckConfigId", "{\"configId\":1}")).isEqualTo("can't delete default conf");
    assertThat(server.result("removeDeckConfigId", "{\"configId\":" + clone + "}").asBoolean()).isTrue();
    assertThat(server.result("removeDeckConfigId", "{\"configId\":" + clone + "}").asBoolean()).isFalse();
    assertThat(server.result("getDeckConfig", "{\"deck\":\"Fast deck\"}").get("id").asLong()).isEqualTo(1);
  }

  @Test
  void profilesAreTheBaseFoldersCollections() throws Exception {
    assertThat(server.result("getProfiles", "{}")).isEqualTo(json("[\"User 1\"]"));
    assertThat(server.result("getActiveProfile", "{}").asText()).isEqualTo("User 1");
    assertThat(server.result("loadProfile", "{\"name\":\"Nobody\"}").asBoolean()).isFalse();
    assertThat(server.result("loadProfile", "{\"name\":\"User 1\"}").asBoolean()).isTrue();
    assertThat(server.result("reloadCollection", "{}").isNull()).isTrue();
  }

  @Test
  void realAnkiFindsNothingToFixAfterDeckWork() throws Exception {
    SharedFiles.require();
    server.result("createDeck", "{\"deck\":\"Lang::Spanish::Verbs\"}");
    server.result("createDeck", "{\"deck\":\"Lang::French\"}");
    long preset = server.result("cloneDeckConfigId", "{\"name\":\"Slow\"}").asLong();
    server.result("setDeckConfigId", "{\"decks\":[\"Lang::French\"],\"configId\":" + preset + "}");
    server.result("deleteDecks", "{\"decks\":[\"Lang::Spanish\"],\"cardsToo\":true}");
    Path file = server.collectionPath();
    server.close();
    Path copy = Files.copy(file, tmp.resolve("check.anki2"));
    JsonNode check = Oracle.run("check", copy.toString()).ok();
    assertThat(check.get("problems")).isEmpty();
    JsonNode decks = Oracle.run("decks", copy.toString()).ok();
    assertThat(decks.toString()).contains("Lang::French").doesNotContain("Spanish");
    server = new TestServer(tmp);
  }

  @Test
  void changeDeckAndDeleteDecksMoveAndRemoveRealCards(@TempDir Path other) throws Exception {
    SharedFiles.require();
    Path profile = other.resolve("base").resolve("User 1");
    Files.createDirectories(profile);
    Path file = profile.resolve("collection.anki2");
    Oracle.run("new", file.toString()).ok();
    Path notes = Files.writeString(other.resolve("n.jsonl"),
        "{\"notetype\":\"Basic (and reversed card)\",\"deck\":\"Src\",\"fields\":[\"a\",\"b\"]}\n"
            + "{\"notetype\":\"Basic\",\"deck\":\"Src::Child\",\"fields\":[\"c\",\"d\"]}\n");
    Oracle.run("add-notes", file.toString(), notes.toString(), "--in-place").ok();
    try (TestServer s = new TestServer(other.resolve("base"))) {
      JsonNode all = s.result("findCards", "{\"query\":\"deck:Src -deck:Src::Child\"}");
      assertThat(all).hasSize(2);
      long first = all.get(0).asLong();
      s.result("changeDeck", "{\"cards\":[" + first + ",999],\"deck\":\"Dest::Sub\"}");
      assertThat(s.result("getDecks", "{\"cards\":[" + first + "]}")).isEqualTo(json("{\"Dest::Sub\":[" + first + "]}"));
      JsonNode stats = s.result("getDeckStats", "{\"decks\":[\"Src\"]}");
      assertThat(stats.elements().next().get("new_count").asInt()).isEqualTo(2);
      assertThat(stats.elements().next().get("total_in_deck").asInt()).isEqualTo(1);
      s.result("deleteDecks", "{\"decks\":[\"Src\"],\"cardsToo\":true}");
      assertThat(s.result("findCards", "{\"query\":\"\"}")).hasSize(1);
      assertThat(s.result("findNotes", "{\"query\":\"\"}")).hasSize(1);
    }
    JsonNode check = Oracle.run("check", file.toString()).ok();
    assertThat(check.get("problems")).isEmpty();
    assertThat(Oracle.run("sql", file.toString(), "select count() from graves").ok().get("rows").get(0).get(0).asInt())
        .isEqualTo(2 + 1 + 2);
  }
}
