package ankid.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's repr()/str() of JSON values: AnkiConnect builds many messages from them. */
public final class PythonText {
  private PythonText() {}

  /** str(): strings without quotes, None/True/False, containers as repr. */
  public static String str(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return "None";
    if (v.isTextual()) return v.asText();
    return repr(v);
  }

  public static String repr(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) return "None";
    if (v.isBoolean()) return v.asBoolean() ? "True" : "False";
    if (v.isTextual()) return reprString(v.asText());
    if (v.isNumber()) return v.isIntegralNumber() ? v.asText() : pyFloat(v.asDouble());
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(repr(e)));
      return "[" + String.join(", ", parts) + "]";
    }
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(reprString(e.getKey()) + ": " + repr(e.getValue()));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String pyFloat(double d) {
    String s = Double.toString(d);
    return s.endsWith(".0") || s.contains("E") ? s.replace("E", "e") : s;
  }

  /** repr() of a str: single quotes unless it contains ' and no ". */
  public static String reprString(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    s.codePoints().forEach(c -> {
      if (c == q || c == '\\') sb.append('\\').appendCodePoint(c);
      else if (c == '\n') sb.append("\\n");
      else if (c == '\t') sb.append("\\t");
      else if (c == '\r') sb.append("\\r");
      else if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", c));
      else if (!isPrintable(c)) {
        if (c <= 0xff) sb.append(String.format("\\x%02x", c));
        else if (c <= 0xffff) sb.append(String.format("\\u%04x", c));
        else sb.append(String.format("\\U%08x", c));
      } else sb.appendCodePoint(c);
    });
    return sb.append(q).toString();
  }

  private static boolean isPrintable(int c) {
    int t = Character.getType(c);
    return !(t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
        || t == Character.PRIVATE_USE || t == Character.UNASSIGNED || t == Character.LINE_SEPARATOR
        || t == Character.PARAGRAPH_SEPARATOR || (t == Character.SPACE_SEPARATOR && c != ' '));
  }
}
