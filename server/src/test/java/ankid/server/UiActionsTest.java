package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web UI's own calls (/ui/api): what its screens show and what its buttons do. */
@ExtendWith(TestServerExtension.class)
class UiActionsTest {
  private static long addNote(TestServer server, String deck, String model, String front, String back) throws Exception {
    return server.result("addNote", """
        {"note": {"deckName": "%s", "modelName": "%s", "fields": {"Front": "%s", "Back": "%s"}}}
        """.formatted(deck, model, front, back)).asLong();
  }

  @Test
  void theDeckListShowsTheCountsGetDeckStatsGives(TestServer server) throws Exception {
    server.result("createDeck", "{\"deck\": \"Lang::Spanish\"}");
    for (int i = 0; i < 3; i++) addNote(server, "Lang::Spanish", "Basic", "s" + i, "");
    addNote(server, "Lang", "Basic (and reversed card)", "x", "y");
    long card = server.result("findCards", "{\"query\": \"s0\"}").get(0).asLong();
    server.result("answerCards", "{\"answers\": [{\"cardId\": " + card + ", \"ease\": 1}]}");
    JsonNode stats = server.result("getDeckStats", "{\"decks\": [\"Lang\", \"Lang::Spanish\"]}");
    Map<Long, JsonNode> shown = new HashMap<>();
    server.ui("uiDeckList", "{}").forEach(d -> shown.put(d.get("id").asLong(), d));
    stats.forEach(s -> {
      JsonNode d = shown.get(s.get("deck_id").asLong());
      assertThat(d.get("leaf").asText()).isEqualTo(s.get("name").asText());
      assertThat(d.get("new").asInt()).isEqualTo(s.get("new_count").asInt());
      assertThat(d.get("learn").asInt()).isEqualTo(s.get("learn_count").asInt());
      assertThat(d.get("review").asInt()).isEqualTo(s.get("review_count").asInt());
    });
    assertThat(shown).hasSize(2);
  }

  @Test
  void theAddButtonRefusesAnEmptyFirstFieldWithAnkisMessage(TestServer server) throws Exception {
    server.result("guiAddCards", "{}");
    assertThat(server.ui("uiAddNote", "{}")).isEqualTo(json("""
        {"problem": "The first field is empty."}
        """));
  }

  @Test
  void theAddButtonAsksBeforeAddingAClozeNoteWithoutACloze(TestServer server) throws Exception {
    server.result("guiAddCards", """
        {"note": {"deckName": "Default", "modelName": "Cloze", "fields": {"Text": "no cloze here"}}}""");
    assertThat(server.ui("uiAddNote", "{}")).isEqualTo(json("""
        {"ask": "You have a cloze note type but have not made any cloze deletions. Proceed?"}
        """));
    assertThat(server.ui("uiAddNote", "{\"force\": true}").get("message").asText()).isEqualTo("1 card added.");
  }

  @Test
  void theAddButtonAddsADuplicateAsAnkiDoesAfterWarningOfIt(TestServer server) throws Exception {
    addNote(server, "Default", "Basic", "agua", "water");
    server.result("guiAddCards", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "agua", "Back": "w"}, "tags": ["t"]}}""");
    JsonNode view = server.ui("uiAddView", "{}");
    assertThat(view.get("state").asText()).isEqualTo("DUPLICATE");
    assertThat(view.get("duplicateSearch").asText()).startsWith("dupe:").endsWith(",agua");
    JsonNode added = server.ui("uiAddNote", "{}");
    assertThat(added.get("message").asText()).isEqualTo("1 card added.");
    JsonNode after = server.ui("uiAddView", "{}");
    assertThat(after.get("fields").get(0).get("value").asText()).isEmpty();
    assertThat(after.get("tags")).isEqualTo(json("[\"t\"]"));
    assertThat(server.result("findNotes", "{\"query\": \"agua\"}")).hasSize(2);
  }

  @Test
  void savingTheEditorWritesFieldsAndTags(TestServer server) throws Exception {
    long note = addNote(server, "Default", "Basic", "old", "back");
    JsonNode saved = server.ui("uiSaveNote", "{\"note\": " + note + ", \"fields\": [\"new\", \"back\"], \"tags\": [\"a\", \"b\"]}");
    assertThat(saved.get("fields").get(0).get("value").asText()).isEqualTo("new");
    JsonNode info = server.result("notesInfo", "{\"notes\": [" + note + "]}").get(0);
    assertThat(info.get("fields").get("Front").get("value").asText()).isEqualTo("new");
    assertThat(info.get("tags")).isEqualTo(json("[\"a\", \"b\"]"));
  }

  @Test
  void aSearchErrorIsReportedNotThrown(TestServer server) throws Exception {
    server.ui("uiOpen", "{\"screen\": \"browser\"}");
    JsonNode r = server.ui("uiSearch", "{\"text\": \"deck:(\"}");
    assertThat(r.get("ok").asBoolean()).isFalse();
    assertThat(r.get("error").asText()).startsWith("Invalid search");
  }

  @Test
  void browserRowsCarryTheShownColumnsCells(TestServer server) throws Exception {
    addNote(server, "Default", "Basic", "<b>bold</b>", "");
    server.ui("uiOpen", "{\"screen\": \"browser\"}");
    server.ui("uiSearch", "{\"text\": \"\"}");
    JsonNode rows = server.ui("uiRows", "{\"offset\": 0, \"limit\": 10}");
    assertThat(rows.get("total").asInt()).isEqualTo(1);
    JsonNode cells = rows.get("rows").get(0).get("cells");
    assertThat(cells.get(0).asText()).isEqualTo("bold");
    assertThat(cells.get(1).asText()).isEqualTo("Card 1");
    assertThat(cells.get(2).asText()).isEqualTo("Default");
    assertThat(cells.get(3).asText()).isEqualTo("New #1");
  }

  @Test
  void aNoteAddedThroughTheApiShowsUpInTheOpenBrowser(TestServer server) throws Exception {
    server.ui("uiOpen", "{\"screen\": \"browser\"}");
    server.ui("uiSearch", "{\"text\": \"\"}");
    addNote(server, "Default", "Basic", "later", "");
    assertThat(server.ui("uiState", "{}").get("browser").get("total").asInt()).isEqualTo(1);
  }
}
