package ankid.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON value used where Python code needs an int (a protobuf integer field): bools count as
 * 0/1, anything else that is not an integer fails with Python's message.
 */
final class PythonInts {
  private PythonInts() {}

  static long toLong(JsonNode v) {
    if (v.isBoolean()) return v.asBoolean() ? 1 : 0;
    if (v.isIntegralNumber()) {
      if (!v.canConvertToLong()) throw new ApiError("Value out of range: " + v.asText());
      return v.asLong();
    }
    throw new ApiError("'" + typeName(v) + "' object cannot be interpreted as an integer");
  }

  /** The Python type json.loads gives this value. */
  static String typeName(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return "NoneType";
    if (v.isBoolean()) return "bool";
    if (v.isIntegralNumber()) return "int";
    if (v.isNumber()) return "float";
    if (v.isTextual()) return "str";
    if (v.isArray()) return "list";
    return "dict";
  }
}
