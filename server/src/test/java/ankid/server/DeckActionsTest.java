package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deck and preset actions over HTTP ({@code plugin/__init__.py, AnkiConnect.createDeck,
 * getDeckStats, deleteDecks, getDeckConfig, cloneDeckConfigId…}), and real Anki's verdict on the
 * file afterwards.
 */
@ExtendWith(TestServerExtension.class)
class DeckActionsTest {

  @Test
  void createDeckMakesTheParentsAndReturnsTheNewId(TestServer server) throws Exception {
    long id = createDeck(server, "Japanese::JLPT N3");
    assertThat(id).isGreaterThan(1_000_000_000_000L);
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("""
        ["Default", "Japanese", "Japanese::JLPT N3"]
        """));
  }

  @Test
  void createDeckOfAnExistingNameInOtherCaseReturnsItsId(TestServer server) throws Exception {
    long id = createDeck(server, "Japanese::JLPT N3");
    assertThat(createDeck(server, "japanese::jlpt n3")).isEqualTo(id);
  }

  @Test
  void deckNamesAndIdsMapsFullNamesToIds(TestServer server) throws Exception {
    long id = createDeck(server, "Japanese::JLPT N3");
    JsonNode ids = server.result("deckNamesAndIds", "{}");
    assertThat(ids.get("Default").asLong()).isEqualTo(1);
    assertThat(ids.get("Japanese::JLPT N3").asLong()).isEqualTo(id);
  }

  @Test
  void deckNameFromIdGivesTheFullName(TestServer server) throws Exception {
    long id = createDeck(server, "Japanese::JLPT N3");
    assertThat(server.result("deckNameFromId", """
        {"deckId": %d}
        """.formatted(id)).asText()).isEqualTo("Japanese::JLPT N3");
  }

  @Test
  void deckNameFromAnUnknownIdIsDefault(TestServer server) throws Exception {
    assertThat(server.result("deckNameFromId", """
        {"deckId": 424242}
        """).asText()).isEqualTo("Default");
  }

  @Test
  void getDeckStatsIsKeyedByIdWithLeafNames(TestServer server) throws Exception {
    long id = createDeck(server, "Japanese::JLPT N5");
    JsonNode stats = server.result("getDeckStats", """
        {"decks": ["Japanese::JLPT N5", "Brand New"]}
        """);
    assertThat(stats.get(Long.toString(id))).isEqualTo(json("""
        {"deck_id": %d, "name": "JLPT N5", "new_count": 0, "learn_count": 0, "review_count": 0, "total_in_deck": 0}
        """.formatted(id)));
    assertThat(stats.size()).isEqualTo(2);
  }

  @Test
  void getDeckStatsCreatesUnknownDecks(TestServer server) throws Exception {
    server.result("getDeckStats", """
        {"decks": ["Brand New"]}
        """);
    assertThat(server.result("deckNames", "{}").toString()).contains("Brand New");
  }

  @Test
  void getDecksPutsUnknownCardsUnderDefault(TestServer server) throws Exception {
    assertThat(server.result("getDecks", """
        {"cards": [123]}
        """)).isEqualTo(json("""
        {"Default": [123]}
        """));
  }

  @Test
  void deleteDecksRefusesToKeepTheCards(TestServer server) throws Exception {
    createDeck(server, "A::B");
    assertThat(server.error("deleteDecks", """
        {"decks": ["A"]}
        """)).isEqualTo("Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well");
  }

  @Test
  void deleteDecksMatchesNamesExactly(TestServer server) throws Exception {
    createDeck(server, "A::B");
    server.result("deleteDecks", """
        {"decks": ["a"], "cardsToo": true}
        """);
    assertThat(server.result("deckNames", "{}")).hasSize(3);
  }

  @Test
  void deleteDecksRemovesTheChildrenToo(TestServer server) throws Exception {
    createDeck(server, "A::B");
    server.result("deleteDecks", """
        {"decks": ["A"], "cardsToo": true}
        """);
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("""
        ["Default"]
        """));
  }

  @Test
  void getDeckConfigGivesTheLegacyPresetObject(TestServer server) throws Exception {
    JsonNode conf = server.result("getDeckConfig", """
        {"deck": "Default"}
        """);
    assertThat(conf.get("id").asLong()).isEqualTo(1);
    assertThat(conf.get("name").asText()).isEqualTo("Default");
    assertThat(conf.get("new").get("perDay").asInt()).isEqualTo(20);
    assertThat(conf.get("new").get("delays")).isEqualTo(json("[1.0, 10.0]"));
    assertThat(conf.get("new").get("initialFactor").asInt()).isEqualTo(2500);
    assertThat(conf.get("rev").get("ease4").asDouble()).isEqualTo(1.3);
    assertThat(conf.get("lapse").get("leechAction").asInt()).isEqualTo(1);
    assertThat(conf.get("dyn").asBoolean()).isFalse();
  }

  @Test
  void getDeckConfigMatchesTheDeckNameExactly(TestServer server) throws Exception {
    assertThat(server.result("getDeckConfig", """
        {"deck": "default"}
        """).asBoolean()).isFalse();
  }

  @Test
  void cloneDeckConfigIdFromAnUnknownPresetIsFalse(TestServer server) throws Exception {
    assertThat(server.result("cloneDeckConfigId", """
        {"name": "X", "cloneFrom": 999}
        """).asBoolean()).isFalse();
  }

  @Test
  void setDeckConfigIdAssignsAClonedPreset(TestServer server) throws Exception {
    long clone = fastDeckWithItsOwnPreset(server);
    assertThat(server.result("getDeckConfig", """
        {"deck": "Fast deck"}
        """).get("id").asLong()).isEqualTo(clone);
  }

  @Test
  void setDeckConfigIdIsFalseWhenADeckIsMissing(TestServer server) throws Exception {
    fastDeckWithItsOwnPreset(server);
    assertThat(server.result("setDeckConfigId", """
        {"decks": ["Fast deck", "missing"], "configId": 1}
        """).asBoolean()).isFalse();
  }

  @Test
  void saveDeckConfigStoresTheEditedPreset(TestServer server) throws Exception {
    fastDeckWithItsOwnPreset(server);
    JsonNode fast = server.result("getDeckConfig", """
        {"deck": "Fast deck"}
        """);
    ((ObjectNode) fast.get("new")).put("perDay", 77);
    assertThat(server.result("saveDeckConfig", """
        {"config": %s}
        """.formatted(fast)).asBoolean()).isTrue();
    assertThat(server.result("getDeckConfig", """
        {"deck": "Fast deck"}
        """).get("new").get("perDay").asInt()).isEqualTo(77);
  }

  @Test
  void saveDeckConfigWithoutAnIdIsAKeyError(TestServer server) throws Exception {
    assertThat(server.error("saveDeckConfig", """
        {"config": {}}
        """)).isEqualTo("'id'");
  }

  @Test
  void saveDeckConfigOfAnUnknownIdIsFalse(TestServer server) throws Exception {
    assertThat(server.result("saveDeckConfig", """
        {"config": {"id": 31337}}
        """).asBoolean()).isFalse();
  }

  @Test
  void removeDeckConfigIdKeepsTheDefaultPreset(TestServer server) throws Exception {
    assertThat(server.error("removeDeckConfigId", """
        {"configId": 1}
        """)).isEqualTo("can't delete default conf");
  }

  @Test
  void removeDeckConfigIdMovesItsDecksToTheDefaultPreset(TestServer server) throws Exception {
    long clone = fastDeckWithItsOwnPreset(server);
    String remove = """
        {"configId": %d}
        """.formatted(clone);
    assertThat(server.result("removeDeckConfigId", remove).asBoolean()).isTrue();
    assertThat(server.result("removeDeckConfigId", remove).asBoolean()).isFalse();
    assertThat(server.result("getDeckConfig", """
        {"deck": "Fast deck"}
        """).get("id").asLong()).isEqualTo(1);
  }

  @Test
  void getProfilesListsTheBaseFoldersCollections(TestServer server) throws Exception {
    assertThat(server.result("getProfiles", "{}")).isEqualTo(json("""
        ["User 1"]
        """));
    assertThat(server.result("getActiveProfile", "{}").asText()).isEqualTo("User 1");
  }

  @Test
  void loadProfileOfAnUnknownNameIsFalse(TestServer server) throws Exception {
    assertThat(server.result("loadProfile", """
        {"name": "Nobody"}
        """).asBoolean()).isFalse();
  }

  @Test
  void loadProfileOfTheOpenProfileIsTrue(TestServer server) throws Exception {
    assertThat(server.result("loadProfile", """
        {"name": "User 1"}
        """).asBoolean()).isTrue();
  }

  @Test
  void reloadCollectionReturnsNone(TestServer server) throws Exception {
    assertThat(server.result("reloadCollection", "{}").isNull()).isTrue();
  }

  @Test
  void realAnkiFindsNothingToFixAfterDeckWork(TestServer server, @TempDir Path tmp) throws Exception {
    SharedFiles.require();
    createDeck(server, "Lang::Spanish::Verbs");
    createDeck(server, "Lang::French");
    long preset = server.result("cloneDeckConfigId", """
        {"name": "Slow"}
        """).asLong();
    server.result("setDeckConfigId", """
        {"decks": ["Lang::French"], "configId": %d}
        """.formatted(preset));
    server.result("deleteDecks", """
        {"decks": ["Lang::Spanish"], "cardsToo": true}
        """);
    server.stop();
    Path copy = Files.copy(server.collectionPath(), tmp.resolve("check.anki2"));
    assertThat(Oracle.run("check", copy.toString()).ok().get("problems")).isEmpty();
    assertThat(Oracle.run("decks", copy.toString()).ok().toString()).contains("Lang::French").doesNotContain("Spanish");
  }

  @Test
  void changeDeckAndDeleteDecksMoveAndRemoveRealCards(TestServer server) throws Exception {
    SharedFiles.require();
    Path file = Files.createDirectories(server.base().resolve("User 1")).resolve(Profiles.COLLECTION_FILE);
    Oracle.run("new", file.toString()).ok();
    Path notes = Files.writeString(server.base().resolve("n.jsonl"), """
        {"notetype": "Basic (and reversed card)", "deck": "Src", "fields": ["a", "b"]}
        {"notetype": "Basic", "deck": "Src::Child", "fields": ["c", "d"]}
        """);
    Oracle.run("add-notes", file.toString(), notes.toString(), "--in-place").ok();

    JsonNode all = server.result("findCards", """
        {"query": "deck:Src -deck:Src::Child"}
        """);
    assertThat(all).hasSize(2);
    long first = all.get(0).asLong();
    server.result("changeDeck", """
        {"cards": [%d, 999], "deck": "Dest::Sub"}
        """.formatted(first));
    assertThat(server.result("getDecks", """
        {"cards": [%d]}
        """.formatted(first))).isEqualTo(json("""
        {"Dest::Sub": [%d]}
        """.formatted(first)));
    JsonNode stats = server.result("getDeckStats", """
        {"decks": ["Src"]}
        """).elements().next();
    assertThat(stats.get("new_count").asInt()).isEqualTo(2);
    assertThat(stats.get("total_in_deck").asInt()).isEqualTo(1);
    server.result("deleteDecks", """
        {"decks": ["Src"], "cardsToo": true}
        """);
    assertThat(server.result("findCards", """
        {"query": ""}
        """)).hasSize(1);
    assertThat(server.result("findNotes", """
        {"query": ""}
        """)).hasSize(1);
    server.stop();

    assertThat(Oracle.run("check", file.toString()).ok().get("problems")).isEmpty();
    assertThat(Oracle.run("sql", file.toString(), "select count() from graves").ok().get("rows").get(0).get(0).asInt())
        .isEqualTo(2 + 1 + 2);
  }

  private static long createDeck(TestServer server, String name) throws Exception {
    return server.result("createDeck", """
        {"deck": "%s"}
        """.formatted(name)).asLong();
  }

  /** Deck "Fast deck" on a clone of the default preset; returns the clone's id. */
  private static long fastDeckWithItsOwnPreset(TestServer server) throws Exception {
    long clone = server.result("cloneDeckConfigId", """
        {"name": "Fast", "cloneFrom": 1}
        """).asLong();
    createDeck(server, "Fast deck");
    assertThat(server.result("setDeckConfigId", """
        {"decks": ["Fast deck"], "configId": %d}
        """.formatted(clone)).asBoolean()).isTrue();
    return clone;
  }
}
