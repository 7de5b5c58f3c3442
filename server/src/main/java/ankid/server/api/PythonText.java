package ankid.server.api;

import ankid.engine.util.PythonRepr;
import com.fasterxml.jackson.databind.JsonNode;

/** Python's repr()/str() of request values, for AnkiConnect's message texts (see {@link PythonRepr}). */
public final class PythonText {
  private PythonText() {}

  /** str(): strings without quotes, None/True/False, containers as repr. */
  public static String str(JsonNode v) {
    return PythonRepr.str(v);
  }

  public static String repr(JsonNode v) {
    return PythonRepr.repr(v);
  }
}
