package ankid.server.mcp;

import ankid.server.api.ActionRegistry.ActionSpec;
import ankid.server.api.ActionRegistry.ParamSpec;
import ankid.server.api.Effect;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's input schema from its action's Java signature: parameter types become JSON Schema
 * types (a parameter the action takes as raw JSON accepts any value, typed by its default when it
 * has one), a default is given as the schema's default, and a parameter without one is required.
 * Tools that can change something also take {@code confirm}, the token of a confirmation preview.
 */
final class ToolSchemas {
  static final String CONFIRM = "confirm";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolSchemas() {}

  static Map<String, Object> input(ActionSpec action) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ParamSpec p : action.params()) {
      Map<String, Object> schema = type(p.type(), p.dflt());
      if (!p.required() && !p.dflt().isNull()) schema.put("default", JSON.convertValue(p.dflt(), Object.class));
      properties.put(p.name(), schema);
      if (p.required()) required.add(p.name());
    }
    if (action.effect() != Effect.READ_ONLY) {
      Map<String, Object> confirm = new LinkedHashMap<>();
      confirm.put("type", "string");
      confirm.put("description", "Only to apply a change a confirmation preview asked about: the token it gave."
          + " Call with the same arguments plus this token after the person agreed.");
      properties.put(CONFIRM, confirm);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) schema.put("required", required);
    return schema;
  }

  private static Map<String, Object> type(JavaType t, JsonNode dflt) {
    Map<String, Object> s = new LinkedHashMap<>();
    Class<?> raw = t.getRawClass();
    if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
      s.put("type", "integer");
    } else if (raw == boolean.class || raw == Boolean.class) {
      s.put("type", "boolean");
    } else if (raw == double.class || raw == Double.class) {
      s.put("type", "number");
    } else if (raw == String.class) {
      s.put("type", "string");
    } else if (t.isCollectionLikeType()) {
      s.put("type", "array");
      s.put("items", type(t.getContentType(), null));
    } else if (t.isMapLikeType()) {
      s.put("type", "object");
    } else if (dflt != null && dflt.isBoolean()) {
      s.put("type", "boolean"); // a flag AnkiConnect reads as Python truthiness
    }
    // Anything else (raw JSON without a telling default) accepts any value, as AnkiConnect does.
    return s;
  }
}
