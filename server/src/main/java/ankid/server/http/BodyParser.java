package ankid.server.http;

import ankid.server.api.PythonRepr;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes and validates a request body as AnkiConnect does (UTF-8, JSON, then its small JSON
 * schema), producing messages in the shape of Python's, which clients substring-match.
 */
final class BodyParser {
  /** The outcome: a valid request object, or the error text. */
  record Parsed(JsonNode request, String error) {}

  private final ObjectMapper json;

  BodyParser(ObjectMapper json) {
    this.json = json;
  }

  Parsed parse(byte[] body) {
    String text;
    try {
      CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      text = dec.decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(null, utf8Error(body));
    }
    JsonNode node;
    try {
      node = json.readTree(text);
      if (node == null || node.isMissingNode()) return new Parsed(null, "Expecting value: line 1 column 1 (char 0)");
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      long ch = loc == null ? 0 : Math.max(0, loc.getCharOffset());
      return new Parsed(null, "Expecting value: line " + line + " column " + col + " (char " + ch + ")");
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

  private static String utf8Error(byte[] body) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    int pos = 0;
    // Find the first offending byte by decoding growing prefixes of whole characters.
    for (int i = 1; i <= body.length; i++) {
      try {
        dec.reset().decode(ByteBuffer.wrap(body, 0, i));
        pos = i;
      } catch (CharacterCodingException e) {
        if (i - pos > 4 || i == body.length) break;
      }
    }
    int b = pos < body.length ? body[pos] & 0xff : 0;
    String reason = pos + 4 >= body.length && (b & 0xc0) == 0xc0 ? "unexpected end of data" : "invalid start byte";
    return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b, pos, reason);
  }
}
