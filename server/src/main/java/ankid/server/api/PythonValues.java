package ankid.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Request values seen the way AnkiConnect's Python code sees what {@code json.loads} gave it:
 * truth values, {@code int()} for protobuf integer fields, and type names for messages.
 */
public final class PythonValues {
  private PythonValues() {}

  /** Python's truth value of a JSON value (None, False, 0, "", [] and {} are false). */
  public static boolean truthy(JsonNode v) {
    if (v == null || v.isNull()) return false;
    if (v.isBoolean()) return v.asBoolean();
    if (v.isNumber()) return v.asDouble() != 0;
    if (v.isTextual()) return !v.asText().isEmpty();
    return v.size() > 0;
  }

  /** Python's {@code int(value)} of a number (truncated) or of a numeric string (blanks ignored). */
  static long intOf(JsonNode v) {
    try {
      return v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
    } catch (NumberFormatException e) {
      throw new ApiError("invalid literal for int() with base 10: " + PythonRepr.repr(v));
    }
  }

  /**
   * A JSON value used where Python code needs an int (a protobuf integer field): bools count as
   * 0/1, anything else that is not an integer fails with Python's message.
   */
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
