package ankid.server.gate;

import static ankid.server.gate.Facts.count;
import static ankid.server.gate.Facts.names;
import static ankid.server.gate.Facts.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Previews of the notetype ("model") actions. */
final class ModelPreviews {
  private ModelPreviews() {}

  static void register(Previews p) {
    p.inCollection("createModel", f -> "add notetype " + quote(f.arg("modelName")) + " with fields "
        + names(f.arg("inOrderFields")) + " and " + count(f.<List<JsonNode>>arg("cardTemplates").size(), "card type"));
    p.inCollection("updateModelTemplates", f -> {
      JsonNode model = f.arg("model");
      List<String> templates = new ArrayList<>();
      model.path("templates").fieldNames().forEachRemaining(templates::add);
      return "change the " + (templates.size() == 1 ? "template of card type " : "templates of card types ")
          + names(templates) + " of notetype " + quote(model.path("name").asText());
    });
    p.inCollection("updateModelStyling", f -> "change the styling (CSS) of notetype "
        + quote(f.<JsonNode>arg("model").path("name").asText()));
    p.inCollection("findAndReplaceInModels", f -> "replace " + quote(f.arg("findText")) + " with "
        + quote(f.arg("replaceText")) + " in the card templates and styling of notetype " + model(f));
    p.inCollection("modelTemplateRename", f -> "rename card type " + quote(f.arg("oldTemplateName")) + " of notetype "
        + model(f) + " to " + quote(f.arg("newTemplateName")));
    p.inCollection("modelTemplateReposition", f -> "move card type " + quote(f.arg("templateName")) + " of notetype "
        + model(f) + " to position " + (f.<Integer>arg("index") + 1));
    p.inCollection("modelTemplateAdd", f -> "add card type " + quote(f.<JsonNode>arg("template").path("Name").asText())
        + " to notetype " + model(f) + " (" + count(f.inserted("cards"), "new card") + ")");
    p.inCollection("modelTemplateRemove", f -> "remove card type " + quote(f.arg("templateName")) + " from notetype "
        + model(f) + ", deleting its " + count(f.deleted("cards"), "card"));
    p.inCollection("modelFieldRename", f -> "rename field " + quote(f.arg("oldFieldName")) + " of notetype " + model(f)
        + " to " + quote(f.arg("newFieldName")));
    p.inCollection("modelFieldReposition", f -> "move field " + field(f) + " of notetype " + model(f) + " to position "
        + (f.<Integer>arg("index") + 1) + " (" + count(f.changed("notes"), "note") + " rewritten)");
    p.inCollection("modelFieldAdd", f -> "add field " + field(f) + " to notetype " + model(f));
    p.inCollection("modelFieldRemove", f -> "remove field " + field(f) + " from notetype " + model(f)
        + ", losing its content in " + count(f.changed("notes"), "note"));
    p.inCollection("modelFieldSetFont", f -> "set the editing font of field " + field(f) + " of notetype " + model(f)
        + " to " + quote(f.text("font")));
    p.inCollection("modelFieldSetFontSize", f -> "set the editing font size of field " + field(f) + " of notetype "
        + model(f) + " to " + f.text("fontSize"));
    p.inCollection("modelFieldSetDescription", f -> "set the description of field " + field(f) + " of notetype "
        + model(f));
  }

  private static String model(Facts f) {
    return quote(f.arg("modelName"));
  }

  private static String field(Facts f) {
    return quote(f.arg("fieldName"));
  }
}
