package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The graphical actions (AnkiConnect's GUI actions) over HTTP with no page open: results and errors. */
@ExtendWith(TestServerExtension.class)
class GraphicalActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
  TestServer server;

  @BeforeEach
  void start(TestServer testServer) throws Exception {
    server = testServer.useClock(clock);
  }

  private long addNote(String deck, String front, String back) throws Exception {
    clock.advanceMillis(1000);
    return server.result("addNote", """
        {"note": {"deckName": "%s", "modelName": "Basic", "fields": {"Front": "%s", "Back": "%s"}}}
        """.formatted(deck, front, back)).asLong();
  }

  private JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private long cardOf(long note) throws Exception {
    return server.result("findCards", "{\"query\": \"nid:" + note + "\"}").get(0).asLong();
  }

  // Browser

  @Test
  void guiBrowseAnswersAsFindCardsAndShowsTheBrowser() throws Exception {
    long a = addNote("Default", "dog", "x");
    addNote("Default", "cat", "y");
    JsonNode found = server.result("guiBrowse", "{\"query\": \"dog\"}");
    assertThat(found).isEqualTo(json("[" + cardOf(a) + "]"));
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("browser");
    assertThat(server.ui("uiState", "{}").path("browser").path("search").asText()).isEqualTo("dog");
  }

  @Test
  void guiBrowseWithoutAQueryAnswersNothing() throws Exception {
    addNote("Default", "dog", "x");
    assertThat(server.result("guiBrowse", "{}")).isEqualTo(json("[]"));
  }

  @Test
  void guiBrowseReportsAnInvalidSearchAsFindCardsDoes() throws Exception {
    String expected = server.error("findCards", "{\"query\": \"deck:(\"}");
    assertThat(server.error("guiBrowse", "{\"query\": \"deck:(\"}")).isEqualTo(expected).startsWith("Invalid search");
    assertThat(server.ui("uiState", "{}").path("browser").path("error").asText()).isEqualTo(expected);
  }

  @Test
  void guiBrowseSortsByAShownColumn() throws Exception {
    long first = cardOf(addNote("Default", "b", ""));
    long second = cardOf(addNote("Default", "a", ""));
    server.result("guiBrowse", """
        {"query": "deck:Default", "reorderCards": {"order": "descending", "columnId": "noteCrt"}}""");
    JsonNode state = server.ui("uiState", "{}").get("browser");
    assertThat(state.get("column").asText()).isEqualTo("noteCrt");
    assertThat(state.get("reverse").asBoolean()).isTrue();
    JsonNode rows = server.ui("uiRows", "{\"offset\": 0, \"limit\": 10}").get("rows");
    assertThat(List.of(rows.get(0).get("cardId").asLong(), rows.get(1).get("cardId").asLong()))
        .containsExactly(second, first);
  }

  @Test
  void guiBrowseRefusesBadReorderCardsWithAnkiConnectsMessages() throws Exception {
    assertThat(server.error("guiBrowse", "{\"reorderCards\": 5}")).isEqualTo("reorderCards should be a dict: 5");
    assertThat(server.error("guiBrowse", "{\"reorderCards\": {\"order\": \"ascending\"}}"))
        .isEqualTo("Must provide a \"columnId\" and a \"order\" property\"");
    assertThat(server.error("guiBrowse", "{\"reorderCards\": {\"order\": \"up\", \"columnId\": \"noteCrt\"}}"))
        .isEqualTo("invalid card order: up");
    assertThat(server.error("guiBrowse", "{\"reorderCards\": {\"order\": \"ascending\", \"columnId\": \"question\"}}"))
        .isEqualTo("invalid columnId: question");
  }

  @Test
  void guiSelectCardAndGuiSelectedNotesNeedTheBrowserShown() throws Exception {
    long card = cardOf(addNote("Default", "dog", "x"));
    assertThat(server.result("guiSelectCard", "{\"card\": " + card + "}").asBoolean()).isFalse();
    assertThat(server.result("guiSelectedNotes", "{}")).isEqualTo(json("[]"));
  }

  @Test
  void guiSelectCardSelectsTheRowWhoseNoteGuiSelectedNotesReports() throws Exception {
    long note = addNote("Default", "dog", "x");
    addNote("Default", "cat", "y");
    server.result("guiBrowse", "{\"query\": \"deck:Default\"}");
    assertThat(server.result("guiSelectedNotes", "{}")).isEqualTo(json("[]"));
    assertThat(server.result("guiSelectCard", "{\"card\": " + cardOf(note) + "}").asBoolean()).isTrue();
    assertThat(server.result("guiSelectedNotes", "{}")).isEqualTo(json("[" + note + "]"));
  }

  @Test
  void guiSelectNoteIsTheDeprecatedNameAndTakesACardId() throws Exception {
    long note = addNote("Default", "dog", "x");
    server.result("guiBrowse", "{\"query\": \"dog\"}");
    assertThat(server.result("guiSelectNote", "{\"note\": " + cardOf(note) + "}").asBoolean()).isTrue();
    assertThat(server.result("guiSelectedNotes", "{}")).isEqualTo(json("[" + note + "]"));
  }

  // Add and edit

  @Test
  void guiAddCardsFillsTheAddScreenWithoutSavingTheNote() throws Exception {
    server.result("createDeck", "{\"deck\": \"Lang\"}");
    long id = server.result("guiAddCards", """
        {"note": {"deckName": "lang", "modelName": "Basic", "fields": {"Front": "hola", "back": "ignored"},
                  "tags": ["es"]}}""").asLong();
    assertThat(id).isZero();
    JsonNode add = server.ui("uiAddView", "{}");
    assertThat(add.get("fields").get(0).get("value").asText()).isEqualTo("hola");
    assertThat(add.get("fields").get(1).get("value").asText()).isEmpty();
    assertThat(add.get("tags")).isEqualTo(json("[\"es\"]"));
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("addCards");
    assertThat(server.ui("uiState", "{}").get("deck").get("name").asText()).isEqualTo("Lang");
    assertThat(server.result("findNotes", "{\"query\": \"hola\"}")).isEqualTo(json("[]"));
  }

  @Test
  void guiAddCardsWithoutANoteOpensTheAddScreen() throws Exception {
    assertThat(server.result("guiAddCards", "{}").asLong()).isZero();
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("addCards");
  }

  @Test
  void guiAddCardsNamesAMissingDeckOrModel() throws Exception {
    assertThat(server.error("guiAddCards", "{\"note\": {\"deckName\": \"Nope\", \"modelName\": \"Basic\", \"fields\": {}}}"))
        .isEqualTo("deck was not found: Nope");
    assertThat(server.error("guiAddCards", "{\"note\": {\"deckName\": \"Default\", \"modelName\": \"Nope\", \"fields\": {}}}"))
        .isEqualTo("model was not found: Nope");
  }

  @Test
  void guiAddNoteSetDataAnswersWithAnErrorObjectWhenTheAddScreenIsNotShown() throws Exception {
    assertThat(server.result("guiAddNoteSetData", "{\"note\": {\"fields\": {\"Front\": \"x\"}}}"))
        .isEqualTo(json("{\"error\": \"Add Note dialog is not open\", \"code\": 1}"));
  }

  @Test
  void guiAddNoteSetDataReplacesOrAppendsFieldsAndTags() throws Exception {
    server.result("guiAddCards", "{\"note\": {\"deckName\": \"Default\", \"modelName\": \"Basic\", \"fields\": {\"Front\": \"a\"}, \"tags\": [\"x\"]}}");
    assertThat(server.result("guiAddNoteSetData", "{\"note\": {\"fields\": {\"Front\": \"b\"}, \"tags\": [\"y\"]}}").asBoolean()).isTrue();
    assertThat(server.result("guiAddNoteSetData", "{\"note\": {\"fields\": {\"Front\": \"c\"}, \"tags\": [\"z\"]}, \"append\": true}").asBoolean()).isTrue();
    JsonNode add = server.ui("uiAddView", "{}");
    assertThat(add.get("fields").get(0).get("value").asText()).isEqualTo("bc");
    assertThat(add.get("tags")).isEqualTo(json("[\"y\", \"z\"]"));
  }

  @Test
  void guiAddNoteSetDataNamesWhatItCannotFind() throws Exception {
    server.result("guiAddCards", "{}");
    assertThat(server.error("guiAddNoteSetData", "{\"note\": {\"deckName\": \"Nope\"}}")).isEqualTo("Deck \"Nope\" not found");
    assertThat(server.error("guiAddNoteSetData", "{\"note\": {\"modelName\": \"Nope\"}}")).isEqualTo("Model \"Nope\" not found");
    assertThat(server.error("guiAddNoteSetData", "{\"note\": {\"fields\": {\"Nope\": \"x\"}}}"))
        .isEqualTo("Field \"Nope\" not found in current note");
  }

  @Test
  void guiAddNoteSetDataChangesTheNotetypeKeepingTheFields() throws Exception {
    server.result("guiAddCards", "{\"note\": {\"deckName\": \"Default\", \"modelName\": \"Basic\", \"fields\": {\"Front\": \"a\", \"Back\": \"b\"}}}");
    server.result("guiAddNoteSetData", "{\"note\": {\"modelName\": \"Basic (type in the answer)\"}}");
    JsonNode add = server.ui("uiAddView", "{}");
    assertThat(add.get("fields").get(0).get("value").asText()).isEqualTo("a");
    assertThat(add.get("fields").get(1).get("value").asText()).isEqualTo("b");
  }

  @Test
  void guiEditNoteShowsTheNote() throws Exception {
    long note = addNote("Default", "dog", "x");
    assertThat(server.result("guiEditNote", "{\"note\": " + note + "}").isNull()).isTrue();
    JsonNode state = server.ui("uiState", "{}");
    assertThat(state.get("screen").asText()).isEqualTo("editNote");
    assertThat(state.get("editNoteId").asLong()).isEqualTo(note);
  }

  @Test
  void guiEditNoteRefusesAnUnknownNoteAsAnkiDoes() throws Exception {
    assertThat(server.error("guiEditNote", "{\"note\": 123}")).isEqualTo(
        "Your database appears to be in an inconsistent state. Please use the Check Database action. No such note: '123'");
  }

  // Reviewer

  @Test
  void withoutReviewingTheReviewerActionsAnswerFalseAndGuiCurrentCardFails() throws Exception {
    assertThat(server.result("guiReviewActive", "{}").asBoolean()).isFalse();
    assertThat(server.error("guiCurrentCard", "{}")).isEqualTo("Gui review is not currently active.");
    for (String action : List.of("guiStartCardTimer", "guiShowQuestion", "guiShowAnswer", "guiPlayAudio")) {
      assertThat(server.result(action, "{}").asBoolean()).as(action).isFalse();
    }
    assertThat(server.result("guiAnswerCard", "{\"ease\": 3}").asBoolean()).isFalse();
  }

  @Test
  void guiDeckReviewShowsTheFirstCardWhichGuiCurrentCardDescribes() throws Exception {
    long note = addNote("Default", "dog", "x");
    assertThat(server.result("guiDeckReview", "{\"name\": \"Default\"}").asBoolean()).isTrue();
    assertThat(server.result("guiReviewActive", "{}").asBoolean()).isTrue();
    JsonNode card = server.result("guiCurrentCard", "{}");
    JsonNode info = server.result("cardsInfo", "{\"cards\": [" + cardOf(note) + "]}").get(0);
    assertThat(card.get("cardId").asLong()).isEqualTo(cardOf(note));
    for (String key : List.of("fields", "fieldOrder", "question", "answer", "modelName", "deckName", "css", "nextReviews")) {
      assertThat(card.get(key)).as(key).isEqualTo(info.get(key));
    }
    assertThat(card.get("buttons")).isEqualTo(json("[1, 2, 3, 4]"));
    assertThat(card.get("template").asText()).isEqualTo("Card 1");
    List<String> keys = new ArrayList<>();
    card.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("cardId", "fields", "fieldOrder", "question", "answer", "buttons", "nextReviews",
        "modelName", "deckName", "css", "template");
  }

  @Test
  void guiDeckReviewOfAnUnknownDeckIsFalse() throws Exception {
    assertThat(server.result("guiDeckReview", "{\"name\": \"Nope\"}").asBoolean()).isFalse();
  }

  @Test
  void guiDeckReviewOfADeckWithNothingDueIsTrueButNotReviewing() throws Exception {
    server.result("createDeck", "{\"deck\": \"Empty\"}");
    assertThat(server.result("guiDeckReview", "{\"name\": \"Empty\"}").asBoolean()).isTrue();
    assertThat(server.result("guiReviewActive", "{}").asBoolean()).isFalse();
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("overview");
  }

  @Test
  void guiAnswerCardNeedsTheAnswerShownAndAValidEase() throws Exception {
    addNote("Default", "dog", "x");
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    assertThat(server.result("guiAnswerCard", "{\"ease\": 3}").asBoolean()).isFalse();
    assertThat(server.result("guiShowAnswer", "{}").asBoolean()).isTrue();
    assertThat(server.result("guiAnswerCard", "{\"ease\": 0}").asBoolean()).isFalse();
    assertThat(server.result("guiAnswerCard", "{\"ease\": 5}").asBoolean()).isFalse();
    assertThat(server.result("guiShowQuestion", "{}").asBoolean()).isTrue();
    assertThat(server.ui("uiState", "{}").get("reviewer").get("side").asText()).isEqualTo("question");
  }

  @Test
  void guiAnswerCardWritesTheRevlogAnswerCardsWritesWithTheTimersTime() throws Exception {
    long viaGui = cardOf(addNote("Default", "dog", "x"));
    long viaApi = cardOf(addNote("Default", "cat", "y"));
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    assertThat(server.result("guiCurrentCard", "{}").get("cardId").asLong()).isEqualTo(viaGui);
    clock.advanceMillis(4200);
    server.result("guiShowAnswer", "{}");
    assertThat(server.result("guiAnswerCard", "{\"ease\": 3}").asBoolean()).isTrue();
    server.result("answerCards", "{\"answers\": [{\"cardId\": " + viaApi + ", \"ease\": 3}]}");
    List<Long> gui = revlog(viaGui);
    List<Long> api = revlog(viaApi);
    assertThat(gui.subList(0, 5)).isEqualTo(api.subList(0, 5));
    assertThat(gui.get(5)).isEqualTo(4200L);
    assertThat(api.get(5)).isZero();
  }

  private List<Long> revlog(long card) {
    return server.collection().read(c -> c.db().queryOne(
        "select ease, ivl, lastIvl, factor, type, time from revlog where cid = ?",
        rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), card)
        .orElseThrow());
  }

  @Test
  void guiStartCardTimerRestartsTheTimer() throws Exception {
    long card = cardOf(addNote("Default", "dog", "x"));
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    clock.advanceMillis(9000);
    assertThat(server.result("guiStartCardTimer", "{}").asBoolean()).isTrue();
    clock.advanceMillis(1500);
    server.result("guiShowAnswer", "{}");
    server.result("guiAnswerCard", "{\"ease\": 3}");
    assertThat(revlog(card).get(5)).isEqualTo(1500L);
  }

  @Test
  void guiPlayAudioAsksOpenPagesToReplayTheSide() throws Exception {
    addNote("Default", "dog", "x");
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    long before = server.ui("uiState", "{}").get("reviewer").get("audio").asLong();
    assertThat(server.result("guiPlayAudio", "{}").asBoolean()).isTrue();
    assertThat(server.ui("uiState", "{}").get("reviewer").get("audio").asLong()).isEqualTo(before + 1);
  }

  @Test
  void guiUndoTakesBackTheLastAnswerAndIsAlwaysTrue() throws Exception {
    assertThat(server.result("guiUndo", "{}").asBoolean()).isTrue();
    long card = cardOf(addNote("Default", "dog", "x"));
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    server.result("guiShowAnswer", "{}");
    server.result("guiAnswerCard", "{\"ease\": 3}");
    assertThat(server.result("guiUndo", "{}").asBoolean()).isTrue();
    long revlogRows = server.collection().read(c -> c.db().queryLong("select count() from revlog", -1));
    assertThat(revlogRows).isZero();
    assertThat(server.result("guiCurrentCard", "{}").get("cardId").asLong()).isEqualTo(card);
    assertThat(server.result("getIntervals", "{\"cards\": [" + card + "]}")).isEqualTo(json("[0]"));
  }

  @Test
  void theLastAnswerShowsTheOverview() throws Exception {
    addNote("Default", "dog", "x");
    server.result("guiDeckReview", "{\"name\": \"Default\"}");
    server.result("guiShowAnswer", "{}");
    server.result("guiAnswerCard", "{\"ease\": 4}");
    assertThat(server.result("guiReviewActive", "{}").asBoolean()).isFalse();
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("overview");
  }

  // Main window

  @Test
  void guiDeckOverviewSelectsAKnownDeck() throws Exception {
    server.result("createDeck", "{\"deck\": \"Lang::Spanish\"}");
    assertThat(server.result("guiDeckOverview", "{\"name\": \"lang::spanish\"}").asBoolean()).isTrue();
    JsonNode state = server.ui("uiState", "{}");
    assertThat(state.get("screen").asText()).isEqualTo("overview");
    assertThat(state.get("deck").get("name").asText()).isEqualTo("Lang::Spanish");
    assertThat(server.result("guiDeckOverview", "{\"name\": \"Nope\"}").asBoolean()).isFalse();
  }

  @Test
  void guiDeckBrowserShowsTheDeckList() throws Exception {
    server.result("guiBrowse", "{}");
    assertThat(server.result("guiDeckBrowser", "{}").isNull()).isTrue();
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("deckBrowser");
  }

  @Test
  void guiImportFileImportsAPackageInTheBackgroundAndItsScreenShowsAnkisSummary() throws Exception {
    server.result("createDeck", "{\"deck\": \"Exported\"}");
    addNote("Exported", "gato", "cat");
    addNote("Exported", "perro", "dog");
    // a relative path is a file in the media folder, for exportPackage as for guiImportFile
    assertThat(server.result("exportPackage", """
        {"deck": "Exported", "path": "exported.apkg", "includeSched": false}
        """).asBoolean()).isTrue();
    server.result("deleteDecks", "{\"decks\": [\"Exported\"], \"cardsToo\": true}");

    assertThat(server.result("guiImportFile", "{\"path\": \"exported.apkg\"}").isNull()).isTrue();
    JsonNode task = awaitTask("import");
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("import");
    assertThat(task.get("status").asText()).isEqualTo("done");
    assertThat(task.get("file").asText()).isEqualTo("exported.apkg");
    assertThat(task.get("message").asText()).isEqualTo("2 notes found in file: 2 new, 0 updated, 0 already present");
    assertThat(server.result("findNotes", "{\"query\": \"deck:Exported\"}")).hasSize(2);
  }

  @Test
  void guiImportFileOfACollectionPackageReplacesTheCollectionAndShowsTheDeckList() throws Exception {
    addNote("Default", "kept", "1");
    server.result("exportPackage", """
        {"deck": null, "path": "whole.colpkg", "options": {"colpkg": true}}
        """);
    addNote("Default", "replaced away", "2");
    server.result("guiDeckReview", "{\"name\": \"Default\"}");

    assertThat(server.result("guiImportFile", "{\"path\": \"whole.colpkg\"}").isNull()).isTrue();
    JsonNode task = awaitTask("import");
    assertThat(task.get("status").asText()).isEqualTo("done");
    assertThat(task.get("message").asText()).startsWith("replaced the collection: 1 note, ");
    assertThat(server.result("findNotes", "{\"query\": \"\"}")).hasSize(1);
    assertThat(server.result("guiReviewActive", "{}").asBoolean()).isFalse();
  }

  @Test
  void guiImportFileOfAMissingFileAnswersNullAndItsScreenShowsWhy() throws Exception {
    assertThat(server.result("guiImportFile", "{\"path\": \"missing.apkg\"}").isNull()).isTrue();
    JsonNode task = awaitTask("import");
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("import");
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("message").asText()).isEqualTo("[Errno 2] No such file or directory: 'missing.apkg'");
  }

  @Test
  void guiImportFileOfAFileThatIsNoPackageShowsTheImportersError() throws Exception {
    server.result("storeMediaFile", "{\"filename\": \"notes.apkg\", \"data\": \"aGVsbG8=\"}");
    assertThat(server.result("guiImportFile", "{\"path\": \"notes.apkg\"}").isNull()).isTrue();
    JsonNode task = awaitTask("import");
    assertThat(task.get("status").asText()).isEqualTo("failed");
    assertThat(task.get("message").asText()).isNotBlank();
  }

  @Test
  void guiImportFileWithoutAPathAsksForAFile() throws Exception {
    assertThat(server.result("guiImportFile", "{}").isNull()).isTrue();
    assertThat(server.ui("uiState", "{}").get("import").get("status").asText()).isEqualTo("waiting");
  }

  @Test
  void guiCheckDatabaseAnswersTrueAndItsScreenShowsWhatTheCheckFixed() throws Exception {
    addNote("Default", "one", "1");
    assertThat(server.result("guiCheckDatabase", "{}").asBoolean()).isTrue();
    assertThat(server.ui("uiState", "{}").get("screen").asText()).isEqualTo("checkDatabase");
    JsonNode task = awaitTask("check");
    assertThat(task.get("status").asText()).isEqualTo("done");
    assertThat(task.get("message").asText()).isEqualTo("Database rebuilt and optimized.");
  }

  private JsonNode awaitTask(String key) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode task = server.ui("uiState", "{}").get(key);
      if (!task.get("status").asText().equals("running")) return task;
      Thread.sleep(50);
    }
    throw new AssertionError(key + " still running");
  }

  @Test
  void guiExitAnkiRepliesThenStopsTheServer() throws Exception {
    java.net.URI uri = server.uri();
    HttpResponse<String> reply = server.post("{\"action\": \"guiExitAnki\", \"version\": 6}");
    assertThat(json(reply.body())).isEqualTo(json("{\"result\": null, \"error\": null}"));
    assertThat(server.exited.await(10, TimeUnit.SECONDS)).isTrue();
    java.net.http.HttpRequest again = java.net.http.HttpRequest.newBuilder(uri)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"action\": \"version\"}")).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> java.net.http.HttpClient.newHttpClient().send(again, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void apiReflectListsTheGraphicalActionsButNotTheWebUisOwn() throws Exception {
    JsonNode actions = server.result("apiReflect", "{\"scopes\": [\"actions\"]}").get("actions");
    List<String> names = new ArrayList<>();
    actions.forEach(a -> names.add(a.asText()));
    assertThat(names).contains("guiBrowse", "guiSelectCard", "guiSelectNote", "guiSelectedNotes", "guiAddCards",
        "guiAddNoteSetData", "guiEditNote", "guiReviewActive", "guiCurrentCard", "guiStartCardTimer",
        "guiShowQuestion", "guiShowAnswer", "guiAnswerCard", "guiPlayAudio", "guiUndo", "guiDeckOverview",
        "guiDeckBrowser", "guiDeckReview", "guiImportFile", "guiExitAnki", "guiCheckDatabase");
    assertThat(names).noneMatch(n -> n.startsWith("ui"));
  }
}
