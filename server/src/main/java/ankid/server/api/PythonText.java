package ankid.server.api;

import ankid.engine.util.PythonRepr;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Python's repr()/str() of request values, for AnkiConnect's message texts (see {@link PythonRepr}). */
public final class PythonText {
  private PythonText() {}

  /** str(): strings without quotes, None/True/False, containers as repr. */
  private static final ObjectMapper JSON = new ObjectMapper();

  public static String str(JsonNode v) {
    return PythonRepr.str(plain(v));
  }

  public static String repr(JsonNode v) {
    return PythonRepr.repr(plain(v));
  }

  /** repr() of a str: single quotes unless it contains ' and no ". */
  public static String reprString(String s) {
    return PythonRepr.repr(s);
  }

  /** Lists, maps, strings and numbers, as Python's json.loads would give them. */
  private static Object plain(JsonNode v) {
    return v == null ? null : JSON.convertValue(v, Object.class);
  }

  /** Python's truth value of a JSON value (None, False, 0, "", [] and {} are false). */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull()) return false;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isNumber()) return v.asDouble() != 0;
    if (v.isTextual()) return !v.asText().isEmpty();
    return v.size() > 0;
  }
}
