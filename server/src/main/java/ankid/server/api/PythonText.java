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
}
