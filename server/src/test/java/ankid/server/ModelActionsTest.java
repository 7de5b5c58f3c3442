package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model actions over HTTP ({@code plugin/__init__.py, AnkiConnect.modelNames, createModel,
 * updateModelTemplates, modelTemplate*, modelField*…}): reply shapes and exact error strings.
 */
@ExtendWith(TestServerExtension.class)
class ModelActionsTest {
  private static final String VOCAB = """
      {"modelName": "Vocab"}
      """;

  /** "Vocab": fields Word, Meaning; templates "Card 1", "Reverse" and "Card 3". */
  private static long createVocab(TestServer server) throws Exception {
    return server.result("createModel", """
        {"modelName": "Vocab", "inOrderFields": ["Word", "Meaning"], "cardTemplates": [
          {"Front": "{{Word}}", "Back": "{{FrontSide}}<hr id=answer>{{Meaning}}"},
          {"Name": "Reverse", "Front": "{{Meaning}}", "Back": "{{Word}}"},
          {"Front": "{{text:Word}}{{Meaning}}", "Back": "x"}
        ]}
        """).get("id").asLong();
  }

  private static long basicId(TestServer server) throws Exception {
    return server.result("modelNamesAndIds", "{}").get("Basic").asLong();
  }

  @Test
  void modelNamesListsTheStockNotetypes(TestServer server) throws Exception {
    assertThat(server.result("modelNames", "{}")).contains(json("\"Basic\""), json("\"Cloze\""));
  }

  @Test
  void modelNameFromIdGivesTheName(TestServer server) throws Exception {
    assertThat(server.result("modelNameFromId", """
        {"modelId": %d}
        """.formatted(basicId(server))).asText()).isEqualTo("Basic");
  }

  @Test
  void modelNameFromAnUnknownIdIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("modelNameFromId", """
        {"modelId": 5}
        """)).isEqualTo("model was not found: 5");
  }

  @Test
  void findModelsByIdGivesLegacyModelObjects(TestServer server) throws Exception {
    JsonNode byId = server.result("findModelsById", """
        {"modelIds": [%d]}
        """.formatted(basicId(server)));
    assertThat(byId.get(0).get("name").asText()).isEqualTo("Basic");
    assertThat(byId.get(0).get("flds").get(0).get("font").asText()).isEqualTo("Arial");
  }

  @Test
  void findModelsByIdFailsOnTheFirstUnknownId(TestServer server) throws Exception {
    assertThat(server.error("findModelsById", """
        {"modelIds": [%d, 7]}
        """.formatted(basicId(server)))).isEqualTo("model was not found: 7");
  }

  @Test
  void findModelsByNameMatchesNamesCaseInsensitivelyInOrder(TestServer server) throws Exception {
    JsonNode byName = server.result("findModelsByName", """
        {"modelNames": ["Cloze", "basic"]}
        """);
    assertThat(byName.get(0).get("type").asInt()).isEqualTo(1);
    assertThat(byName.get(1).get("id").asLong()).isEqualTo(basicId(server));
  }

  @Test
  void findModelsByNameOfAnUnknownNameIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("findModelsByName", """
        {"modelNames": ["Nope"]}
        """)).isEqualTo("model was not found: Nope");
  }

  @Test
  void modelFieldNamesAreInOrder(TestServer server) throws Exception {
    assertThat(server.result("modelFieldNames", """
        {"modelName": "Basic"}
        """)).isEqualTo(json("""
        ["Front", "Back"]
        """));
  }

  @Test
  void modelFieldDescriptionsAreEmptyByDefault(TestServer server) throws Exception {
    assertThat(server.result("modelFieldDescriptions", """
        {"modelName": "Basic"}
        """)).isEqualTo(json("""
        ["", ""]
        """));
  }

  @Test
  void modelFieldFontsMapsFieldsToFontAndSize(TestServer server) throws Exception {
    assertThat(server.result("modelFieldFonts", """
        {"modelName": "Basic"}
        """)).isEqualTo(json("""
        {"Front": {"font": "Arial", "size": 20}, "Back": {"font": "Arial", "size": 20}}
        """));
  }

  @Test
  void modelFieldsOnTemplatesListsQuestionAndAnswerFields(TestServer server) throws Exception {
    assertThat(server.result("modelFieldsOnTemplates", """
        {"modelName": "Basic (and reversed card)"}
        """)).isEqualTo(json("""
        {"Card 1": [["Front"], ["Back"]], "Card 2": [["Back"], ["Front"]]}
        """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"modelFieldNames", "modelFieldDescriptions", "modelFieldFonts", "modelFieldsOnTemplates",
      "modelTemplates", "modelStyling"})
  void readsOfAnUnknownModelAreNotFound(String action, TestServer server) throws Exception {
    assertThat(server.error(action, """
        {"modelName": "X"}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void fieldsOnTemplatesFollowsAnkiConnectsRegex(TestServer server) throws Exception {
    createVocab(server);
    server.result("updateModelTemplates", """
        {"model": {"name": "Vocab", "templates": {"Card 1": {
          "Front": "{{ Word }}{{^Meaning}}-{{/Meaning}}{{Tags}}{{Word}}",
          "Back": "{{FrontSide}}{{Word}}{{furigana:Meaning}}{{#Meaning}}{{/Meaning}}"
        }}}}
        """);
    assertThat(server.result("modelFieldsOnTemplates", VOCAB).get("Card 1")).isEqualTo(json("""
        [[" Word ", "^Meaning", "Tags", "Word"], ["Meaning"]]
        """));
  }

  @Test
  void createModelNamesUnnamedTemplatesByPosition(TestServer server) throws Exception {
    long id = createVocab(server);
    JsonNode model = server.result("findModelsById", """
        {"modelIds": [%d]}
        """.formatted(id)).get(0);
    assertThat(model.get("type").asInt()).isZero();
    assertThat(model.get("tmpls").findValuesAsText("name")).containsExactly("Card 1", "Reverse", "Card 3");
    assertThat(model.get("css").asText()).startsWith(".card {");
  }

  @Test
  void createModelGivesFieldsTheNewFieldDefaults(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("modelFieldFonts", VOCAB).get("Meaning")).isEqualTo(json("""
        {"font": "Arial", "size": 20}
        """));
  }

  @Test
  void createModelStoresTheTemplatesAsGiven(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("modelTemplates", VOCAB).get("Reverse")).isEqualTo(json("""
        {"Front": "{{Meaning}}", "Back": "{{Word}}"}
        """));
  }

  @Test
  void createModelOfATakenNameInOtherCaseAddsAPlus(TestServer server) throws Exception {
    createVocab(server);
    JsonNode cloze = server.result("createModel", """
        {"modelName": "vocab", "inOrderFields": ["Text"], "css": ".c{}", "isCloze": true,
         "cardTemplates": [{"Front": "{{cloze:Text}}", "Back": "{{cloze:Text}}"}]}
        """);
    assertThat(cloze.get("type").asInt()).isEqualTo(1);
    assertThat(cloze.get("name").asText()).isEqualTo("vocab+");
    assertThat(server.result("modelStyling", """
        {"modelName": "vocab+"}
        """)).isEqualTo(json("""
        {"css": ".c{}"}
        """));
  }

  @Test
  void createModelNeedsAField(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "N", "inOrderFields": [], "cardTemplates": [{"Front": "{{A}}", "Back": "{{A}}"}]}
        """)).isEqualTo("Must provide at least one field for inOrderFields");
  }

  @Test
  void createModelNeedsATemplate(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "N", "inOrderFields": ["A"], "cardTemplates": []}
        """)).isEqualTo("Must provide at least one card for cardTemplates");
  }

  @Test
  void createModelOfAnExistingNameFails(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "Basic", "inOrderFields": ["A"], "cardTemplates": [{"Front": "{{A}}", "Back": "{{A}}"}]}
        """)).isEqualTo("Model name already exists");
  }

  @Test
  void createModelNeedsEachTemplatesFront(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "N", "inOrderFields": ["A"], "cardTemplates": [{"Back": ""}]}
        """)).isEqualTo("'Front'");
  }

  @Test
  void createModelNeedsEachTemplatesBack(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "N", "inOrderFields": ["A"], "cardTemplates": [{"Front": ""}]}
        """)).isEqualTo("'Back'");
  }

  @Test
  void createModelWithAnUnknownFieldInATemplateFailsAndAddsNothing(TestServer server) throws Exception {
    assertThat(server.error("createModel", """
        {"modelName": "N", "inOrderFields": ["A"], "cardTemplates": [{"Front": "{{B}}", "Back": ""}]}
        """)).isEqualTo("Card template 1 in note type 'N' has a problem.<br>Field 'B' not found.");
    assertThat(server.result("modelNames", "{}").toString()).doesNotContain("\"N\"");
  }

  @Test
  void updateModelTemplatesChangesTheGivenSidesAndIgnoresUnknownTemplates(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("updateModelTemplates", """
        {"model": {"name": "Vocab", "templates": {
          "Reverse": {"Front": "<b>{{Meaning}}</b>", "Back": ""},
          "Nope": {"Front": "x"}
        }}}
        """).isNull()).isTrue();
    assertThat(server.result("modelTemplates", VOCAB).get("Reverse")).isEqualTo(json("""
        {"Front": "<b>{{Meaning}}</b>", "Back": "{{Word}}"}
        """));
  }

  @Test
  void updateModelTemplatesOfAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("updateModelTemplates", """
        {"model": {"name": "X", "templates": {}}}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void updateModelTemplatesNeedsTemplates(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("updateModelTemplates", """
        {"model": {"name": "Vocab"}}
        """)).isEqualTo("'templates'");
  }

  @Test
  void updateModelStylingReplacesTheCss(TestServer server) throws Exception {
    createVocab(server);
    server.result("updateModelStyling", """
        {"model": {"name": "Vocab", "css": "p {}"}}
        """);
    assertThat(server.result("modelStyling", VOCAB)).isEqualTo(json("""
        {"css": "p {}"}
        """));
  }

  @Test
  void updateModelStylingOfAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("updateModelStyling", """
        {"model": {"name": "X", "css": ""}}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void findAndReplaceCountsAModelWhereTheTextWasFoundEvenIfUnchanged(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("findAndReplaceInModels", """
        {"modelName": "Vocab", "findText": "Meaning", "replaceText": "Meaning", "front": false, "css": false}
        """).asInt()).isEqualTo(1);
  }

  @Test
  void findAndReplaceLooksOnlyWhereAsked(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("findAndReplaceInModels", """
        {"modelName": "Vocab", "findText": "<hr id=answer>", "replaceText": "<hr>", "front": true, "back": false}
        """).asInt()).isZero();
  }

  @Test
  void findAndReplaceWithoutAModelNameChangesEveryModel(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.result("findAndReplaceInModels", """
        {"modelName": "", "findText": "font-family: arial", "replaceText": "font-family: serif"}
        """).asInt()).isEqualTo(server.result("modelNames", "{}").size());
    assertThat(server.result("modelStyling", """
        {"modelName": "Cloze"}
        """).get("css").asText()).contains("font-family: serif");
  }

  @Test
  void findAndReplaceInAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("findAndReplaceInModels", """
        {"modelName": "X", "findText": "a", "replaceText": "b"}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void findAndReplaceTakesNoModelObject(TestServer server) throws Exception {
    assertThat(server.error("findAndReplaceInModels", """
        {"model": {}}
        """)).contains("unexpected keyword argument 'model'");
  }

  @Test
  void modelTemplateRepositionMovesToAnIndexOrTheEnd(TestServer server) throws Exception {
    createVocab(server);
    renameCard3ToBoth(server);
    repositionTemplate(server, "Both", 0);
    repositionTemplate(server, "Card 1", 3);
    assertThat(templateNames(server)).containsExactly("Both", "Reverse", "Card 1");
  }

  @Test
  void modelTemplateRepositionCountsANegativeIndexFromTheEnd(TestServer server) throws Exception {
    createVocab(server);
    renameCard3ToBoth(server);
    repositionTemplate(server, "Both", 0);
    repositionTemplate(server, "Card 1", 3);
    repositionTemplate(server, "Both", -1);
    assertThat(templateNames(server)).containsExactly("Reverse", "Both", "Card 1");
  }

  @Test
  void modelTemplateAddKeepsAnExistingTemplateOfTheSameName(TestServer server) throws Exception {
    createVocab(server);
    server.result("modelTemplateAdd", """
        {"modelName": "Vocab", "template": {"Name": "Extra", "Front": "{{Word}}!", "Back": "b"}}
        """);
    server.result("modelTemplateAdd", """
        {"modelName": "Vocab", "template": {"Name": "Extra", "Front": "changed", "Back": "b"}}
        """);
    assertThat(server.result("modelTemplates", VOCAB).get("Extra").get("Front").asText()).isEqualTo("{{Word}}!");
  }

  @Test
  void modelTemplateAddNeedsAName(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelTemplateAdd", """
        {"modelName": "Vocab", "template": {"Front": "", "Back": ""}}
        """)).isEqualTo("'Name'");
  }

  @Test
  void modelTemplateAddNeedsAFront(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelTemplateAdd", """
        {"modelName": "Vocab", "template": {"Name": "Y", "Back": ""}}
        """)).isEqualTo("'Front'");
  }

  @Test
  void modelTemplateAddNeedsABack(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelTemplateAdd", """
        {"modelName": "Vocab", "template": {"Name": "Y", "Front": ""}}
        """)).isEqualTo("'Back'");
  }

  @Test
  void modelTemplateRemoveDropsTheTemplate(TestServer server) throws Exception {
    createVocab(server);
    renameCard3ToBoth(server);
    server.result("modelTemplateRemove", """
        {"modelName": "Vocab", "templateName": "Both"}
        """);
    assertThat(templateNames(server)).containsExactly("Card 1", "Reverse");
  }

  @Test
  void modelTemplateRenameOfAnUnknownTemplateIsNotFound(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelTemplateRename", """
        {"modelName": "Vocab", "oldTemplateName": "Both", "newTemplateName": "Z"}
        """)).isEqualTo("template was not found in Vocab: Both");
  }

  @Test
  void modelTemplateRepositionOfAnUnknownTemplateNamesTheModelAsStored(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelTemplateReposition", """
        {"modelName": "vocab", "templateName": "Both", "index": 0}
        """)).isEqualTo("template was not found in Vocab: Both");
  }

  @Test
  void modelTemplateRemoveFromAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("modelTemplateRemove", """
        {"modelName": "X", "templateName": "Both"}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void modelTemplateRemoveOfTheOnlyTemplateFailsWithAnEmptyMessage(TestServer server) throws Exception {
    assertThat(server.error("modelTemplateRemove", """
        {"modelName": "Basic", "templateName": "Card 1"}
        """)).isEmpty();
  }

  @Test
  void modelTemplateAddToAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("modelTemplateAdd", """
        {"modelName": "X", "template": {}}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void modelFieldRenameRenamesTheFieldInTheTemplates(TestServer server) throws Exception {
    createVocab(server);
    renameWordToTerm(server);
    assertThat(server.result("modelTemplates", VOCAB).get("Card 1").get("Front").asText()).isEqualTo("{{Term}}");
  }

  @Test
  void modelFieldAddAppendsOrInsertsAndMovesAnExistingField(TestServer server) throws Exception {
    createVocab(server);
    renameWordToTerm(server);
    addNotesAndAudioFields(server);
    assertThat(server.result("modelFieldNames", VOCAB)).isEqualTo(json("""
        ["Audio", "Notes", "Term", "Meaning"]
        """));
  }

  @Test
  void modelFieldRepositionPastTheEndMovesTheFieldLast(TestServer server) throws Exception {
    createVocab(server);
    renameWordToTerm(server);
    addNotesAndAudioFields(server);
    server.result("modelFieldReposition", """
        {"modelName": "Vocab", "fieldName": "Audio", "index": 4}
        """);
    assertThat(server.result("modelFieldNames", VOCAB)).isEqualTo(json("""
        ["Notes", "Term", "Meaning", "Audio"]
        """));
  }

  @Test
  void modelFieldRemoveDropsTheField(TestServer server) throws Exception {
    createVocab(server);
    renameWordToTerm(server);
    addNotesAndAudioFields(server);
    server.result("modelFieldRemove", """
        {"modelName": "Vocab", "fieldName": "Notes"}
        """);
    assertThat(server.result("modelFieldNames", VOCAB)).isEqualTo(json("""
        ["Audio", "Term", "Meaning"]
        """));
  }

  @Test
  void modelFieldRenameMatchesTheNameExactly(TestServer server) throws Exception {
    createVocab(server);
    renameWordToTerm(server);
    assertThat(server.error("modelFieldRename", """
        {"modelName": "Vocab", "oldFieldName": "term", "newFieldName": "x"}
        """)).isEqualTo("field was not found in Vocab: term");
  }

  @Test
  void modelFieldRepositionOfAnUnknownFieldIsNotFound(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelFieldReposition", """
        {"modelName": "Vocab", "fieldName": "Nope", "index": 0}
        """)).isEqualTo("field was not found in Vocab: Nope");
  }

  @Test
  void modelFieldRemoveOfAnUnknownFieldIsNotFound(TestServer server) throws Exception {
    createVocab(server);
    assertThat(server.error("modelFieldRemove", """
        {"modelName": "Vocab", "fieldName": "Nope"}
        """)).isEqualTo("field was not found in Vocab: Nope");
  }

  @Test
  void modelFieldAddToAnUnknownModelIsNotFound(TestServer server) throws Exception {
    assertThat(server.error("modelFieldAdd", """
        {"modelName": "X", "fieldName": "Nope"}
        """)).isEqualTo("model was not found: X");
  }

  @Test
  void removingTheFieldAFrontUsesGivesTheFrontTheFirstRemainingField(TestServer server) throws Exception {
    server.result("modelFieldRemove", """
        {"modelName": "Basic", "fieldName": "Front"}
        """);
    assertThat(server.result("modelTemplates", """
        {"modelName": "Basic"}
        """).get("Card 1")).isEqualTo(json("""
        {"Front": "{{Back}}", "Back": "{{FrontSide}}\\n\\n<hr id=answer>\\n\\n{{Back}}"}
        """));
  }

  @Test
  void modelFieldSetFontAndSizeShowInModelFieldFonts(TestServer server) throws Exception {
    assertThat(server.result("modelFieldSetFont", backField("\"font\": \"Courier\"")).isNull()).isTrue();
    assertThat(server.result("modelFieldSetFontSize", backField("\"fontSize\": 32")).isNull()).isTrue();
    assertThat(server.result("modelFieldFonts", """
        {"modelName": "Basic"}
        """).get("Back")).isEqualTo(json("""
        {"font": "Courier", "size": 32}
        """));
  }

  @Test
  void modelFieldSetDescriptionShowsInModelFieldDescriptions(TestServer server) throws Exception {
    assertThat(server.result("modelFieldSetDescription", backField("\"description\": \"the answer\"")).asBoolean())
        .isTrue();
    assertThat(server.result("modelFieldDescriptions", """
        {"modelName": "Basic"}
        """)).isEqualTo(json("""
        ["", "the answer"]
        """));
  }

  @Test
  void modelFieldSetFontNeedsAString(TestServer server) throws Exception {
    assertThat(server.error("modelFieldSetFont", backField("\"font\": 12"))).isEqualTo("font should be a string: 12");
  }

  @Test
  void modelFieldSetFontSizeNeedsAnInteger(TestServer server) throws Exception {
    assertThat(server.error("modelFieldSetFontSize", backField("\"fontSize\": \"12\"")))
        .isEqualTo("fontSize should be an integer: 12");
    assertThat(server.error("modelFieldSetFontSize", backField("\"fontSize\": 1.5")))
        .isEqualTo("fontSize should be an integer: 1.5");
  }

  @Test
  void modelFieldSetFontSizeTakesABooleanAsPythonsIntDoes(TestServer server) throws Exception {
    assertThat(server.result("modelFieldSetFontSize", backField("\"fontSize\": true")).isNull()).isTrue();
  }

  @Test
  void modelFieldSetDescriptionNeedsAString(TestServer server) throws Exception {
    assertThat(server.error("modelFieldSetDescription", backField("\"description\": null")))
        .isEqualTo("description should be a string: None");
  }

  @Test
  void fieldSettersOfAnUnknownFieldOrModelAreNotFound(TestServer server) throws Exception {
    assertThat(server.error("modelFieldSetFont", """
        {"modelName": "Basic", "fieldName": "X", "font": "A"}
        """)).isEqualTo("field was not found in Basic: X");
    assertThat(server.error("modelFieldSetFontSize", """
        {"modelName": "B", "fieldName": "X", "fontSize": 1}
        """)).isEqualTo("model was not found: B");
    assertThat(server.error("modelFieldSetDescription", """
        {"modelName": "Basic", "fieldName": "X", "description": ""}
        """)).isEqualTo("field was not found in Basic: X");
  }

  private static String backField(String setting) {
    return """
        {"modelName": "Basic", "fieldName": "Back", %s}
        """.formatted(setting);
  }

  private static void renameCard3ToBoth(TestServer server) throws Exception {
    server.result("modelTemplateRename", """
        {"modelName": "Vocab", "oldTemplateName": "Card 3", "newTemplateName": "Both"}
        """);
  }

  private static void repositionTemplate(TestServer server, String name, int index) throws Exception {
    server.result("modelTemplateReposition", """
        {"modelName": "Vocab", "templateName": "%s", "index": %d}
        """.formatted(name, index));
  }

  private static List<String> templateNames(TestServer server) throws Exception {
    List<String> names = new ArrayList<>();
    server.result("modelTemplates", VOCAB).fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void renameWordToTerm(TestServer server) throws Exception {
    server.result("modelFieldRename", """
        {"modelName": "Vocab", "oldFieldName": "Word", "newFieldName": "Term"}
        """);
  }

  /** "Notes" appended, "Audio" inserted first, then "Notes" moved to index 1. */
  private static void addNotesAndAudioFields(TestServer server) throws Exception {
    server.result("modelFieldAdd", """
        {"modelName": "Vocab", "fieldName": "Notes"}
        """);
    server.result("modelFieldAdd", """
        {"modelName": "Vocab", "fieldName": "Audio", "index": 0}
        """);
    server.result("modelFieldAdd", """
        {"modelName": "Vocab", "fieldName": "Notes", "index": 1}
        """);
  }
}
