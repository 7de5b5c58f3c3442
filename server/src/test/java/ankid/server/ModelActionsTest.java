package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model actions over HTTP (api doc §2.6): shapes and exact error strings. */
class ModelActionsTest {
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

  private JsonNode result(String action, String params) throws Exception {
    return server.result(action, params);
  }

  private String error(String action, String params) throws Exception {
    return server.error(action, params);
  }

  private long createVocab() throws Exception {
    return result("createModel", "{\"modelName\":\"Vocab\",\"inOrderFields\":[\"Word\",\"Meaning\"],"
        + "\"cardTemplates\":[{\"Front\":\"{{Word}}\",\"Back\":\"{{FrontSide}}<hr id=answer>{{Meaning}}\"},"
        + "{\"Name\":\"Reverse\",\"Front\":\"{{Meaning}}\",\"Back\":\"{{Word}}\"},"
        + "{\"Front\":\"{{text:Word}}{{Meaning}}\",\"Back\":\"x\"}]}").get("id").asLong();
  }

  @Test
  void namesIdsAndLookups() throws Exception {
    JsonNode names = result("modelNames", "{}");
    assertThat(names).contains(json("\"Basic\""), json("\"Cloze\""));
    long basic = result("modelNamesAndIds", "{}").get("Basic").asLong();
    assertThat(result("modelNameFromId", "{\"modelId\":" + basic + "}").asText()).isEqualTo("Basic");
    assertThat(error("modelNameFromId", "{\"modelId\":5}")).isEqualTo("model was not found: 5");
    JsonNode byId = result("findModelsById", "{\"modelIds\":[" + basic + "]}");
    assertThat(byId.get(0).get("name").asText()).isEqualTo("Basic");
    assertThat(byId.get(0).get("flds").get(0).get("font").asText()).isEqualTo("Arial");
    assertThat(error("findModelsById", "{\"modelIds\":[" + basic + ",7]}")).isEqualTo("model was not found: 7");
    JsonNode byName = result("findModelsByName", "{\"modelNames\":[\"Cloze\",\"basic\"]}");
    assertThat(byName.get(0).get("type").asInt()).isEqualTo(1);
    assertThat(byName.get(1).get("id").asLong()).isEqualTo(basic);
    assertThat(error("findModelsByName", "{\"modelNames\":[\"Nope\"]}")).isEqualTo("model was not found: Nope");
  }

  @Test
  void fieldReads() throws Exception {
    assertThat(result("modelFieldNames", "{\"modelName\":\"Basic\"}")).isEqualTo(json("[\"Front\",\"Back\"]"));
    assertThat(result("modelFieldDescriptions", "{\"modelName\":\"Basic\"}")).isEqualTo(json("[\"\",\"\"]"));
    assertThat(result("modelFieldFonts", "{\"modelName\":\"Basic\"}")).isEqualTo(
        json("{\"Front\":{\"font\":\"Arial\",\"size\":20},\"Back\":{\"font\":\"Arial\",\"size\":20}}"));
    assertThat(result("modelFieldsOnTemplates", "{\"modelName\":\"Basic (and reversed card)\"}"))
        .isEqualTo(json("{\"Card 1\":[[\"Front\"],[\"Back\"]],\"Card 2\":[[\"Back\"],[\"Front\"]]}"));
    for (String action : new String[] {"modelFieldNames", "modelFieldDescriptions", "modelFieldFonts",
        "modelFieldsOnTemplates", "modelTemplates", "modelStyling"}) {
      assertThat(error(action, "{\"modelName\":\"X\"}")).isEqualTo("model was not found: X");
    }
  }

  @Test
  void fieldsOnTemplatesFollowsAnkiConnectsRegex() throws Exception {
    createVocab();
    result("updateModelTemplates", "{\"model\":{\"name\":\"Vocab\",\"templates\":{\"Card 1\":"
        + "{\"Front\":\"{{ Word }}{{^Meaning}}-{{/Meaning}}{{Tags}}{{Word}}\","
        + "\"Back\":\"{{FrontSide}}{{Word}}{{furigana:Meaning}}{{#Meaning}}{{/Meaning}}\"}}}}");
    assertThat(result("modelFieldsOnTemplates", "{\"modelName\":\"Vocab\"}").get("Card 1")).isEqualTo(
        json("[[\" Word \",\"^Meaning\",\"Tags\",\"Word\"],[\"Meaning\"]]"));
  }

  @Test
  void createModelNamesTemplatesByPositionAndUsesNewFieldDefaults() throws Exception {
    long id = createVocab();
    JsonNode model = result("findModelsById", "{\"modelIds\":[" + id + "]}").get(0);
    assertThat(model.get("type").asInt()).isZero();
    assertThat(model.get("tmpls").findValuesAsText("name")).containsExactly("Card 1", "Reverse", "Card 3");
    assertThat(model.get("css").asText()).startsWith(".card {");
    assertThat(result("modelFieldFonts", "{\"modelName\":\"Vocab\"}").get("Meaning"))
        .isEqualTo(json("{\"font\":\"Arial\",\"size\":20}"));
    assertThat(result("modelTemplates", "{\"modelName\":\"Vocab\"}").get("Reverse"))
        .isEqualTo(json("{\"Front\":\"{{Meaning}}\",\"Back\":\"{{Word}}\"}"));
    JsonNode cloze = result("createModel", "{\"modelName\":\"vocab\",\"inOrderFields\":[\"Text\"],\"css\":\".c{}\","
        + "\"isCloze\":true,\"cardTemplates\":[{\"Front\":\"{{cloze:Text}}\",\"Back\":\"{{cloze:Text}}\"}]}");
    assertThat(cloze.get("type").asInt()).isEqualTo(1);
    assertThat(cloze.get("name").asText()).isEqualTo("vocab+");
    assertThat(result("modelStyling", "{\"modelName\":\"vocab+\"}")).isEqualTo(json("{\"css\":\".c{}\"}"));
  }

  @Test
  void createModelErrors() throws Exception {
    String t = "[{\"Front\":\"{{A}}\",\"Back\":\"{{A}}\"}]";
    assertThat(error("createModel", "{\"modelName\":\"N\",\"inOrderFields\":[],\"cardTemplates\":" + t + "}"))
        .isEqualTo("Must provide at least one field for inOrderFields");
    assertThat(error("createModel", "{\"modelName\":\"N\",\"inOrderFields\":[\"A\"],\"cardTemplates\":[]}"))
        .isEqualTo("Must provide at least one card for cardTemplates");
    assertThat(error("createModel", "{\"modelName\":\"Basic\",\"inOrderFields\":[\"A\"],\"cardTemplates\":" + t + "}"))
        .isEqualTo("Model name already exists");
    assertThat(error("createModel", "{\"modelName\":\"N\",\"inOrderFields\":[\"A\"],\"cardTemplates\":[{\"Back\":\"\"}]}"))
        .isEqualTo("'Front'");
    assertThat(error("createModel", "{\"modelName\":\"N\",\"inOrderFields\":[\"A\"],\"cardTemplates\":[{\"Front\":\"\"}]}"))
        .isEqualTo("'Back'");
    assertThat(error("createModel", "{\"modelName\":\"N\",\"inOrderFields\":[\"A\"],\"cardTemplates\":"
        + "[{\"Front\":\"{{B}}\",\"Back\":\"\"}]}"))
        .isEqualTo("Card template 1 in note type 'N' has a problem.<br>Field 'B' not found.");
    assertThat(result("modelNames", "{}").toString()).doesNotContain("\"N\"");
  }

  @Test
  void updateTemplatesAndStyling() throws Exception {
    createVocab();
    assertThat(result("updateModelTemplates", "{\"model\":{\"name\":\"Vocab\",\"templates\":{"
        + "\"Reverse\":{\"Front\":\"<b>{{Meaning}}</b>\",\"Back\":\"\"},\"Nope\":{\"Front\":\"x\"}}}}").isNull()).isTrue();
    assertThat(result("modelTemplates", "{\"modelName\":\"Vocab\"}").get("Reverse"))
        .isEqualTo(json("{\"Front\":\"<b>{{Meaning}}</b>\",\"Back\":\"{{Word}}\"}"));
    assertThat(error("updateModelTemplates", "{\"model\":{\"name\":\"X\",\"templates\":{}}}"))
        .isEqualTo("model was not found: X");
    assertThat(error("updateModelTemplates", "{\"model\":{\"name\":\"Vocab\"}}")).isEqualTo("'templates'");
    result("updateModelStyling", "{\"model\":{\"name\":\"Vocab\",\"css\":\"p {}\"}}");
    assertThat(result("modelStyling", "{\"modelName\":\"Vocab\"}")).isEqualTo(json("{\"css\":\"p {}\"}"));
    assertThat(error("updateModelStyling", "{\"model\":{\"name\":\"X\",\"css\":\"\"}}"))
        .isEqualTo("model was not found: X");
  }

  @Test
  void findAndReplaceCountsModelsWhereTextWasFound() throws Exception {
    createVocab();
    assertThat(result("findAndReplaceInModels", "{\"modelName\":\"Vocab\",\"findText\":\"Meaning\","
        + "\"replaceText\":\"Meaning\",\"front\":false,\"css\":false}").asInt()).isEqualTo(1);
    assertThat(result("findAndReplaceInModels", "{\"modelName\":\"Vocab\",\"findText\":\"<hr id=answer>\","
        + "\"replaceText\":\"<hr>\",\"front\":true,\"back\":false}").asInt()).isZero();
    assertThat(result("findAndReplaceInModels", "{\"modelName\":\"\",\"findText\":\"font-family: arial\","
        + "\"replaceText\":\"font-family: serif\"}").asInt()).isEqualTo(result("modelNames", "{}").size());
    assertThat(result("modelStyling", "{\"modelName\":\"Cloze\"}").get("css").asText()).contains("font-family: serif");
    assertThat(error("findAndReplaceInModels", "{\"modelName\":\"X\",\"findText\":\"a\",\"replaceText\":\"b\"}"))
        .isEqualTo("model was not found: X");
    assertThat(error("findAndReplaceInModels", "{\"model\":{}}")).contains("unexpected keyword argument 'model'");
  }

  @Test
  void templateRenameRepositionAddRemove() throws Exception {
    createVocab();
    result("modelTemplateRename", "{\"modelName\":\"Vocab\",\"oldTemplateName\":\"Card 3\",\"newTemplateName\":\"Both\"}");
    result("modelTemplateReposition", "{\"modelName\":\"Vocab\",\"templateName\":\"Both\",\"index\":0}");
    result("modelTemplateReposition", "{\"modelName\":\"Vocab\",\"templateName\":\"Card 1\",\"index\":3}");
    assertThat(templateNames()).isEqualTo(json("[\"Both\",\"Reverse\",\"Card 1\"]"));
    result("modelTemplateReposition", "{\"modelName\":\"Vocab\",\"templateName\":\"Both\",\"index\":-1}");
    assertThat(templateNames()).isEqualTo(json("[\"Reverse\",\"Both\",\"Card 1\"]"));
    result("modelTemplateAdd", "{\"modelName\":\"Vocab\",\"template\":{\"Name\":\"Extra\",\"Front\":\"{{Word}}!\",\"Back\":\"b\"}}");
    result("modelTemplateAdd", "{\"modelName\":\"Vocab\",\"template\":{\"Name\":\"Extra\",\"Front\":\"changed\",\"Back\":\"b\"}}");
    assertThat(result("modelTemplates", "{\"modelName\":\"Vocab\"}").get("Extra").get("Front").asText()).isEqualTo("{{Word}}!");
    assertThat(error("modelTemplateAdd", "{\"modelName\":\"Vocab\",\"template\":{\"Front\":\"\",\"Back\":\"\"}}")).isEqualTo("'Name'");
    assertThat(error("modelTemplateAdd", "{\"modelName\":\"Vocab\",\"template\":{\"Name\":\"Y\",\"Back\":\"\"}}")).isEqualTo("'Front'");
    assertThat(error("modelTemplateAdd", "{\"modelName\":\"Vocab\",\"template\":{\"Name\":\"Y\",\"Front\":\"\"}}")).isEqualTo("'Back'");
    result("modelTemplateRemove", "{\"modelName\":\"Vocab\",\"templateName\":\"Both\"}");
    assertThat(templateNames()).isEqualTo(json("[\"Reverse\",\"Card 1\",\"Extra\"]"));
    assertThat(error("modelTemplateRename", "{\"modelName\":\"Vocab\",\"oldTemplateName\":\"Both\",\"newTemplateName\":\"Z\"}"))
        .isEqualTo("template was not found in Vocab: Both");
    assertThat(error("modelTemplateReposition", "{\"modelName\":\"vocab\",\"templateName\":\"Both\",\"index\":0}"))
        .isEqualTo("template was not found in Vocab: Both");
    assertThat(error("modelTemplateRemove", "{\"modelName\":\"X\",\"templateName\":\"Both\"}"))
        .isEqualTo("model was not found: X");
    assertThat(error("modelTemplateRemove", "{\"modelName\":\"Basic\",\"templateName\":\"Card 1\"}")).isEmpty();
    assertThat(error("modelTemplateAdd", "{\"modelName\":\"X\",\"template\":{}}")).isEqualTo("model was not found: X");
  }

  private JsonNode templateNames() throws Exception {
    return JSON.valueToTree(result("modelTemplates", "{\"modelName\":\"Vocab\"}").properties().stream()
        .map(java.util.Map.Entry::getKey).toList());
  }

  @Test
  void fieldRenameRepositionAddRemove() throws Exception {
    createVocab();
    result("modelFieldRename", "{\"modelName\":\"Vocab\",\"oldFieldName\":\"Word\",\"newFieldName\":\"Term\"}");
    assertThat(result("modelTemplates", "{\"modelName\":\"Vocab\"}").get("Card 1").get("Front").asText())
        .isEqualTo("{{Term}}");
    result("modelFieldAdd", "{\"modelName\":\"Vocab\",\"fieldName\":\"Notes\"}");
    result("modelFieldAdd", "{\"modelName\":\"Vocab\",\"fieldName\":\"Audio\",\"index\":0}");
    result("modelFieldAdd", "{\"modelName\":\"Vocab\",\"fieldName\":\"Notes\",\"index\":1}");
    assertThat(fieldNames()).isEqualTo(json("[\"Audio\",\"Notes\",\"Term\",\"Meaning\"]"));
    result("modelFieldReposition", "{\"modelName\":\"Vocab\",\"fieldName\":\"Audio\",\"index\":4}");
    assertThat(fieldNames()).isEqualTo(json("[\"Notes\",\"Term\",\"Meaning\",\"Audio\"]"));
    result("modelFieldRemove", "{\"modelName\":\"Vocab\",\"fieldName\":\"Notes\"}");
    assertThat(fieldNames()).isEqualTo(json("[\"Term\",\"Meaning\",\"Audio\"]"));
    assertThat(error("modelFieldRename", "{\"modelName\":\"Vocab\",\"oldFieldName\":\"term\",\"newFieldName\":\"x\"}"))
        .isEqualTo("field was not found in Vocab: term");
    assertThat(error("modelFieldReposition", "{\"modelName\":\"Vocab\",\"fieldName\":\"Nope\",\"index\":0}"))
        .isEqualTo("field was not found in Vocab: Nope");
    assertThat(error("modelFieldRemove", "{\"modelName\":\"Vocab\",\"fieldName\":\"Nope\"}"))
        .isEqualTo("field was not found in Vocab: Nope");
    assertThat(error("modelFieldAdd", "{\"modelName\":\"X\",\"fieldName\":\"Nope\"}")).isEqualTo("model was not found: X");
  }

  @Test
  void removingTheFieldAFrontUsesGivesTheFrontTheFirstRemainingField() throws Exception {
    result("modelFieldRemove", "{\"modelName\":\"Basic\",\"fieldName\":\"Front\"}");
    assertThat(result("modelTemplates", "{\"modelName\":\"Basic\"}").get("Card 1"))
        .isEqualTo(json("{\"Front\":\"{{Back}}\",\"Back\":\"{{FrontSide}}\\n\\n<hr id=answer>\\n\\n{{Back}}\"}"));
  }

  private JsonNode fieldNames() throws Exception {
    return result("modelFieldNames", "{\"modelName\":\"Vocab\"}");
  }

  @Test
  void fieldFontSizeAndDescription() throws Exception {
    String field = "{\"modelName\":\"Basic\",\"fieldName\":\"Back\",";
    assertThat(result("modelFieldSetFont", field + "\"font\":\"Courier\"}").isNull()).isTrue();
    assertThat(result("modelFieldSetFontSize", field + "\"fontSize\":32}").isNull()).isTrue();
    assertThat(result("modelFieldSetDescription", field + "\"description\":\"the answer\"}").asBoolean()).isTrue();
    assertThat(result("modelFieldFonts", "{\"modelName\":\"Basic\"}").get("Back"))
        .isEqualTo(json("{\"font\":\"Courier\",\"size\":32}"));
    assertThat(result("modelFieldDescriptions", "{\"modelName\":\"Basic\"}")).isEqualTo(json("[\"\",\"the answer\"]"));
    assertThat(error("modelFieldSetFont", field + "\"font\":12}")).isEqualTo("font should be a string: 12");
    assertThat(error("modelFieldSetFontSize", field + "\"fontSize\":\"12\"}")).isEqualTo("fontSize should be an integer: 12");
    assertThat(error("modelFieldSetFontSize", field + "\"fontSize\":1.5}")).isEqualTo("fontSize should be an integer: 1.5");
    assertThat(result("modelFieldSetFontSize", field + "\"fontSize\":true}").isNull()).isTrue();
    assertThat(error("modelFieldSetDescription", field + "\"description\":null}"))
        .isEqualTo("description should be a string: None");
    assertThat(error("modelFieldSetFont", "{\"modelName\":\"Basic\",\"fieldName\":\"X\",\"font\":\"A\"}"))
        .isEqualTo("field was not found in Basic: X");
    assertThat(error("modelFieldSetFontSize", "{\"modelName\":\"B\",\"fieldName\":\"X\",\"fontSize\":1}"))
        .isEqualTo("model was not found: B");
    assertThat(error("modelFieldSetDescription", "{\"modelName\":\"Basic\",\"fieldName\":\"X\",\"description\":\"\"}"))
        .isEqualTo("field was not found in Basic: X");
  }
}
