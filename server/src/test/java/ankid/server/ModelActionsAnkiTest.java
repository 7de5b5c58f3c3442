package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Model edits through the API on a collection whose notes real Anki added: afterwards real Anki's
 * Check Database finds nothing to fix, sees the notetypes as ankid reports them, and renders
 * every card.
 */
@ExtendWith(TestServerExtension.class)
class ModelActionsAnkiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Test
  void everyKindOfEditLeavesACollectionAnkiAccepts(TestServer server) throws Exception {
    SharedFiles.require();
    Path file = server.collectionPath();
    server.result("createModel", """
        {"modelName": "Vocab", "inOrderFields": ["Word", "Meaning", "Notes"],
         "cardTemplates": [{"Front": "{{Word}}", "Back": "{{FrontSide}}<hr id=answer>{{Meaning}}"}]}
        """);
    server.result("createModel", """
        {"modelName": "My Cloze", "inOrderFields": ["Text", "Extra"], "isCloze": true,
         "cardTemplates": [{"Front": "{{cloze:Text}}", "Back": "{{cloze:Text}}<br>{{Extra}}"}]}
        """);
    server.stop();

    Path notes = Files.writeString(server.base().resolve("notes.jsonl"), """
        {"notetype": "Vocab", "deck": "Lang", "fields": ["chat", "cat", "n"]}
        {"notetype": "Vocab", "fields": ["<i>chien</i>", "", ""]}
        {"notetype": "My Cloze", "fields": ["{{c1::a}} {{c3::b}}", "x"]}
        {"notetype": "Basic (and reversed card)", "fields": ["un", "one"]}
        """);
    assertThat(Oracle.run("add-notes", file.toString(), notes.toString(), "--in-place").ok().get("added").asInt())
        .isEqualTo(4);

    server.result("modelFieldRename", """
        {"modelName": "Vocab", "oldFieldName": "Word", "newFieldName": "Term"}
        """);
    server.result("modelFieldAdd", """
        {"modelName": "Vocab", "fieldName": "Audio", "index": 1}
        """);
    server.result("modelFieldReposition", """
        {"modelName": "Vocab", "fieldName": "Meaning", "index": 0}
        """);
    server.result("modelFieldRemove", """
        {"modelName": "Vocab", "fieldName": "Notes"}
        """);
    server.result("modelFieldSetFont", """
        {"modelName": "Vocab", "fieldName": "Term", "font": "Courier"}
        """);
    server.result("modelFieldSetFontSize", """
        {"modelName": "Vocab", "fieldName": "Term", "fontSize": 28}
        """);
    server.result("modelFieldSetDescription", """
        {"modelName": "Vocab", "fieldName": "Term", "description": "the word"}
        """);
    server.result("modelTemplateAdd", """
        {"modelName": "Vocab",
         "template": {"Name": "Reverse", "Front": "{{Meaning}}", "Back": "{{FrontSide}}<hr id=answer>{{Term}}"}}
        """);
    server.result("modelTemplateReposition", """
        {"modelName": "Vocab", "templateName": "Reverse", "index": 0}
        """);
    server.result("modelTemplateRename", """
        {"modelName": "Vocab", "oldTemplateName": "Card 1", "newTemplateName": "Forward"}
        """);
    server.result("updateModelTemplates", """
        {"model": {"name": "Vocab", "templates": {"Forward": {"Front": "<b>{{Term}}</b>"}}}}
        """);
    server.result("updateModelStyling", """
        {"model": {"name": "Vocab", "css": ".card { color: red; }"}}
        """);
    server.result("findAndReplaceInModels", """
        {"modelName": "", "findText": "arial", "replaceText": "serif"}
        """);
    server.result("modelTemplateRemove", """
        {"modelName": "Basic (and reversed card)", "templateName": "Card 1"}
        """);
    server.result("modelFieldRename", """
        {"modelName": "My Cloze", "oldFieldName": "Text", "newFieldName": "Body"}
        """);

    JsonNode vocabCards = server.result("modelFieldsOnTemplates", """
        {"modelName": "Vocab"}
        """);
    assertThat(vocabCards.toString()).isEqualTo("""
        {"Reverse":[["Meaning"],["Term"]],"Forward":[["Term"],["Meaning"]]}""");
    Map<Long, JsonNode> ours = new HashMap<>();
    List<String> names = new ArrayList<>();
    server.result("modelNames", "{}").forEach(n -> names.add(n.asText()));
    for (JsonNode m : server.result("findModelsByName", """
        {"modelNames": %s}
        """.formatted(JSON.valueToTree(names)))) {
      ours.put(m.get("id").asLong(), m);
    }
    server.stop();

    assertThat(Oracle.run("check", file.toString()).ok().get("problems")).isEmpty();
    JsonNode theirs = Oracle.run("notetypes", file.toString()).ok();
    assertThat(theirs).hasSize(ours.size());
    for (JsonNode t : theirs) {
      JsonNode m = ours.get(t.get("id").asLong());
      assertThat(t.get("name").asText()).isEqualTo(m.get("name").asText());
      assertThat(t.get("kind").asText()).isEqualTo(m.get("type").asInt() == 1 ? "cloze" : "normal");
      assertThat(t.get("sortField").asInt()).isEqualTo(m.get("sortf").asInt());
      assertThat(t.get("css").asText()).isEqualTo(m.get("css").asText());
      List<String> fieldNames = new ArrayList<>();
      m.get("flds").forEach(f -> fieldNames.add(f.get("name").asText()));
      assertThat(t.get("fields")).extracting(JsonNode::asText).containsExactlyElementsOf(fieldNames);
      assertThat(t.get("templates")).hasSameSizeAs(m.get("tmpls"));
      for (int i = 0; i < m.get("tmpls").size(); i++) {
        JsonNode mine = m.get("tmpls").get(i);
        JsonNode their = t.get("templates").get(i);
        assertThat(their.get("name").asText()).isEqualTo(mine.get("name").asText());
        assertThat(their.get("qfmt").asText()).isEqualTo(mine.get("qfmt").asText());
        assertThat(their.get("afmt").asText()).isEqualTo(mine.get("afmt").asText());
      }
      assertThat(t.get("legacy").get("req")).as(t.get("name").asText()).isEqualTo(m.get("req"));
    }
    JsonNode rendered = Oracle.run("render-all", file.toString()).ok();
    List<JsonNode> cards = new ArrayList<>();
    if (rendered.isArray()) rendered.forEach(cards::add);
    else cards.add(rendered);
    assertThat(cards).hasSize(6);
    for (JsonNode card : cards) assertThat(card.has("error")).as(card.toString()).isFalse();
  }
}
