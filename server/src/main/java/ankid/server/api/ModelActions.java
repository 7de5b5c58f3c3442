package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeEdits;
import ankid.engine.notetype.NotetypeLegacy;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Model (notetype) actions ({@code plugin/__init__.py, AnkiConnect.modelNames …
 * modelFieldSetDescription}). Lookups by name are case-insensitive, as Anki's by_name.
 */
public final class ModelActions {
  private final Profiles profiles;

  public ModelActions(Profiles profiles) {
    this.profiles = profiles;
  }

  private Collection col() {
    return profiles.collection();
  }

  @Action(effect = READ_ONLY)
  public List<String> modelNames() {
    return col().read(c -> c.notetypes().all().stream().map(Notetype::name).toList());
  }

  @Action(effect = READ_ONLY)
  public Map<String, Long> modelNamesAndIds() {
    return col().read(c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      c.notetypes().all().forEach(nt -> out.put(nt.name(), nt.id()));
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public List<ObjectNode> findModelsById(@Param("modelIds") List<Long> modelIds) {
    return col().read(c -> modelIds.stream().map(id -> NotetypeLegacy.toJson(
        c.notetypes().get(id).orElseThrow(() -> new ApiError("model was not found: " + id)))).toList());
  }

  @Action(effect = READ_ONLY)
  public List<ObjectNode> findModelsByName(@Param("modelNames") List<String> modelNames) {
    return col().read(c -> modelNames.stream().map(name -> NotetypeLegacy.toJson(model(c, name))).toList());
  }

  @Action(effect = READ_ONLY)
  public String modelNameFromId(@Param("modelId") long modelId) {
    return col().read(c -> c.notetypes().get(modelId)
        .orElseThrow(() -> new ApiError("model was not found: " + modelId)).name());
  }

  @Action(effect = READ_ONLY)
  public List<String> modelFieldNames(@Param("modelName") String modelName) {
    return col().read(c -> model(c, modelName).fieldNames());
  }

  @Action(effect = READ_ONLY)
  public List<String> modelFieldDescriptions(@Param("modelName") String modelName) {
    return col().read(c -> model(c, modelName).fields().stream().map(f -> f.config().getDescription()).toList());
  }

  @Action(effect = READ_ONLY)
  public Map<String, Map<String, Object>> modelFieldFonts(@Param("modelName") String modelName) {
    return col().read(c -> {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      for (Notetype.Field f : model(c, modelName).fields()) {
        out.put(f.name(), Map.of("font", f.config().getFontName(), "size", f.config().getFontSize()));
      }
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public Map<String, List<List<String>>> modelFieldsOnTemplates(@Param("modelName") String modelName) {
    return col().read(c -> {
      Map<String, List<List<String>>> out = new LinkedHashMap<>();
      for (Notetype.Template t : model(c, modelName).templates()) {
        out.put(t.name(), ModelFieldsOnTemplates.of(t.config().getQFormat(), t.config().getAFormat()));
      }
      return out;
    });
  }

  @Action(effect = MODIFYING)
  public ObjectNode createModel(@Param("modelName") String modelName, @Param("inOrderFields") List<String> inOrderFields,
      @Param("cardTemplates") List<JsonNode> cardTemplates, @Param(value = "css", dflt = "null") String css,
      @Param(value = "isCloze", dflt = "false") JsonNode isCloze) {
    if (inOrderFields.isEmpty()) throw new ApiError("Must provide at least one field for inOrderFields");
    if (cardTemplates.isEmpty()) throw new ApiError("Must provide at least one card for cardTemplates");
    return col().write(c -> {
      if (c.notetypes().all().stream().anyMatch(nt -> nt.name().equals(modelName))) {
        throw new ApiError("Model name already exists");
      }
      Notetype nt = NotetypeEdits.blank(modelName, PythonValues.truthy(isCloze));
      for (String field : inOrderFields) nt = NotetypeEdits.addField(nt, field);
      if (css != null) nt = NotetypeEdits.withCss(nt, css);
      int number = 1;
      for (JsonNode card : cardTemplates) {
        JsonNode name = card.get("Name");
        String templateName = name == null || name.isNull() ? "Card " + number : name.asText();
        number++;
        nt = NotetypeEdits.addTemplate(nt, templateName, key(card, "Front"), key(card, "Back"));
      }
      return NotetypeLegacy.toJson(c.notetypes().add(nt));
    });
  }

  @Action(effect = READ_ONLY)
  public Map<String, Map<String, String>> modelTemplates(@Param("modelName") String modelName) {
    return col().read(c -> {
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      for (Notetype.Template t : model(c, modelName).templates()) {
        out.put(t.name(), Map.of("Front", t.config().getQFormat(), "Back", t.config().getAFormat()));
      }
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public Map<String, String> modelStyling(@Param("modelName") String modelName) {
    return col().read(c -> Map.of("css", model(c, modelName).config().getCss()));
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object updateModelTemplates(@Param("model") JsonNode model) {
    String name = key(model, "name");
    return edit(name, nt -> {
      JsonNode templates = model.get("templates");
      if (templates == null) throw new ApiError("'templates'");
      Notetype out = nt;
      for (int i = 0; i < nt.templates().size(); i++) {
        JsonNode update = templates.get(nt.templates().get(i).name());
        if (update == null || !PythonValues.truthy(update)) continue;
        // An empty side is falsy in Python, so it cannot clear a side.
        String front = update.path("Front").asText("");
        String back = update.path("Back").asText("");
        out = NotetypeEdits.setTemplateConfig(out, i, t -> {
          if (!front.isEmpty()) t.setQFormat(front);
          if (!back.isEmpty()) t.setAFormat(back);
          return t;
        });
      }
      return out;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object updateModelStyling(@Param("model") JsonNode model) {
    String name = key(model, "name");
    return edit(name, nt -> NotetypeEdits.withCss(nt, key(model, "css")));
  }

  @Action(effect = MODIFYING)
  public int findAndReplaceInModels(@Param("modelName") String modelName, @Param("findText") String findText,
      @Param("replaceText") String replaceText, @Param(value = "front", dflt = "true") JsonNode front,
      @Param(value = "back", dflt = "true") JsonNode back, @Param(value = "css", dflt = "true") JsonNode css) {
    boolean inFront = PythonValues.truthy(front);
    boolean inBack = PythonValues.truthy(back);
    boolean inCss = PythonValues.truthy(css);
    return col().write(c -> {
      List<Notetype> models = modelName == null || modelName.isEmpty()
          ? c.notetypes().all() : List.of(model(c, modelName));
      int updated = 0;
      for (Notetype nt : models) {
        boolean found = inCss && nt.config().getCss().contains(findText)
            || nt.templates().stream().anyMatch(t -> inFront && t.config().getQFormat().contains(findText)
                || inBack && t.config().getAFormat().contains(findText));
        // Every examined model is saved, changed or not, as AnkiConnect does.
        c.notetypes().update(NotetypeEdits.replaceInTemplates(nt, findText, replaceText, inFront, inBack, inCss));
        if (found) updated++;
      }
      return updated;
    });
  }

  @Action(effect = MODIFYING)
  public Object modelTemplateRename(@Param("modelName") String modelName,
      @Param("oldTemplateName") String oldTemplateName, @Param("newTemplateName") String newTemplateName) {
    return edit(modelName, nt -> NotetypeEdits.renameTemplate(nt, templateIndex(nt, oldTemplateName), newTemplateName));
  }

  @Action(effect = MODIFYING)
  public Object modelTemplateReposition(@Param("modelName") String modelName,
      @Param("templateName") String templateName, @Param("index") int index) {
    return edit(modelName, nt -> NotetypeEdits.repositionTemplate(nt, templateIndex(nt, templateName), index));
  }

  @Action(effect = MODIFYING)
  public Object modelTemplateAdd(@Param("modelName") String modelName, @Param("template") JsonNode template) {
    return edit(modelName, nt -> {
      String name = key(template, "Name");
      String front = key(template, "Front");
      String back = key(template, "Back");
      // AnkiConnect changes an existing template of that name only in memory: nothing is saved.
      if (nt.templates().stream().anyMatch(t -> t.name().equals(name))) return nt;
      return NotetypeEdits.addTemplate(nt, name, front, back);
    });
  }

  @Action(effect = DESTRUCTIVE)
  public Object modelTemplateRemove(@Param("modelName") String modelName, @Param("templateName") String templateName) {
    return edit(modelName, nt -> {
      int index = templateIndex(nt, templateName);
      // pylib's remove_template asserts another template remains; a bare assert has no message.
      if (nt.templates().size() < 2) throw new ApiError("");
      return NotetypeEdits.removeTemplate(nt, index);
    });
  }

  @Action(effect = MODIFYING)
  public Object modelFieldRename(@Param("modelName") String modelName, @Param("oldFieldName") String oldFieldName,
      @Param("newFieldName") String newFieldName) {
    return edit(modelName, nt -> NotetypeEdits.renameField(nt, fieldIndex(nt, oldFieldName), newFieldName));
  }

  @Action(effect = MODIFYING)
  public Object modelFieldReposition(@Param("modelName") String modelName, @Param("fieldName") String fieldName,
      @Param("index") int index) {
    return edit(modelName, nt -> NotetypeEdits.repositionField(nt, fieldIndex(nt, fieldName), index));
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object modelFieldAdd(@Param("modelName") String modelName, @Param("fieldName") String fieldName,
      @Param(value = "index", dflt = "null") Integer index) {
    return edit(modelName, nt -> {
      Notetype out = nt.fieldNames().contains(fieldName) ? nt : NotetypeEdits.addField(nt, fieldName);
      return index == null ? out : NotetypeEdits.repositionField(out, out.fieldNames().indexOf(fieldName), index);
    });
  }

  @Action(effect = DESTRUCTIVE)
  public Object modelFieldRemove(@Param("modelName") String modelName, @Param("fieldName") String fieldName) {
    return edit(modelName, nt -> NotetypeEdits.removeField(nt, fieldIndex(nt, fieldName)));
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object modelFieldSetFont(@Param("modelName") String modelName, @Param("fieldName") String fieldName,
      @Param("font") JsonNode font) {
    return edit(modelName, nt -> {
      int index = fieldIndex(nt, fieldName);
      if (!font.isTextual()) throw new ApiError("font should be a string: " + PythonRepr.str(font));
      return NotetypeEdits.setFieldConfig(nt, index, f -> f.setFontName(font.asText()));
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object modelFieldSetFontSize(@Param("modelName") String modelName, @Param("fieldName") String fieldName,
      @Param("fontSize") JsonNode fontSize) {
    return edit(modelName, nt -> {
      int index = fieldIndex(nt, fieldName);
      // Python's bool is an int, so true/false pass the check.
      if (!fontSize.isIntegralNumber() && !fontSize.isBoolean()) {
        throw new ApiError("fontSize should be an integer: " + PythonRepr.str(fontSize));
      }
      int size = fontSize.isBoolean() ? (fontSize.asBoolean() ? 1 : 0) : fontSize.asInt();
      return NotetypeEdits.setFieldConfig(nt, index, f -> f.setFontSize(size));
    });
  }

  /** Current Anki always has field descriptions, so this saves and answers true. */
  @Action(effect = MODIFYING, idempotent = true)
  public boolean modelFieldSetDescription(@Param("modelName") String modelName, @Param("fieldName") String fieldName,
      @Param("description") JsonNode description) {
    edit(modelName, nt -> {
      int index = fieldIndex(nt, fieldName);
      if (!description.isTextual()) {
        throw new ApiError("description should be a string: " + PythonRepr.str(description));
      }
      return NotetypeEdits.setFieldConfig(nt, index, f -> f.setDescription(description.asText()));
    });
    return true;
  }

  /** Loads the model by name, applies the edit and saves it as Anki's {@code models.save} does. */
  private Object edit(String modelName, UnaryOperator<Notetype> change) {
    return col().write(c -> {
      c.notetypes().update(change.apply(model(c, modelName)));
      return null;
    });
  }

  private static Notetype model(Collection c, String name) {
    return c.notetypes().byName(name).orElseThrow(() -> new ApiError("model was not found: " + name));
  }

  private static int templateIndex(Notetype nt, String name) {
    for (int i = 0; i < nt.templates().size(); i++) if (nt.templates().get(i).name().equals(name)) return i;
    throw new ApiError("template was not found in " + nt.name() + ": " + name);
  }

  private static int fieldIndex(Notetype nt, String name) {
    int i = nt.fieldNames().indexOf(name);
    if (i < 0) throw new ApiError("field was not found in " + nt.name() + ": " + name);
    return i;
  }

  /** {@code obj['key']}: a missing key fails with Python's KeyError text. */
  private static String key(JsonNode obj, String key) {
    JsonNode v = obj.get(key);
    if (v == null) throw new ApiError("'" + key + "'");
    return v.isNull() ? null : v.asText();
  }
}
