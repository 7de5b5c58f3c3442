package ankid.server.http;

import ankid.server.api.PythonRepr;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a request body as AnkiConnect does ({@code plugin/web.py, WebServer.handlerWrapper}):
 * {@code json.loads(body.decode('utf-8'))}, then {@code jsonschema.validate} against its request
 * schema. A failure gives Python's message, which AnkiConnect returns as the error and which
 * clients substring-match.
 */
final class BodyParser {
  /** The outcome: a valid request object, or the error text. */
  record Parsed(JsonNode request, String error) {}

  private BodyParser() {}

  static Parsed parse(byte[] body) {
    return parse(body, Integer.MAX_VALUE);
  }

  /** As {@link #parse(byte[])}, refusing more than {@code maxItems} list items and object members. */
  static Parsed parse(byte[] body, int maxItems) {
    JsonNode node;
    try {
      node = PythonJson.loads(PythonUtf8.decode(body), maxItems);
    } catch (PythonValueError e) {
      return new Parsed(null, e.getMessage());
    }
    String schemaError = schemaError(node);
    return schemaError == null ? new Parsed(node, null) : new Parsed(null, schemaError);
  }

  private static String schemaError(JsonNode n) {
    if (!n.isObject()) return PythonRepr.repr(n) + " is not of type 'object'";
    JsonNode action = n.get("action");
    if (action == null) return "'action' is a required property";
    if (!action.isTextual()) return PythonRepr.repr(action) + " is not of type 'string'";
    if (action.asText().isEmpty()) return "'' should be non-empty";
    JsonNode version = n.get("version");
    if (version != null && !isInteger(version)) return PythonRepr.repr(version) + " is not of type 'integer'";
    JsonNode params = n.get("params");
    if (params != null && !params.isObject()) return PythonRepr.repr(params) + " is not of type 'object'";
    return null;
  }

  /** jsonschema's "integer" accepts 6.0 but not true. */
  static boolean isInteger(JsonNode v) {
    return v.isIntegralNumber() || (v.isFloatingPointNumber() && v.asDouble() == Math.rint(v.asDouble())
        && !Double.isInfinite(v.asDouble()));
  }
}
