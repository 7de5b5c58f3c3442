package ankid.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code repr()} and {@code str()} of JSON-like values. AnkiConnect builds many error
 * messages with them ({@code model was not found: None}, the addNotes error list), and clients
 * match on that text. Accepts null, Boolean, Number, CharSequence, Iterable, Map and Jackson
 * {@link JsonNode}s.
 */
public final class PythonRepr {
  private PythonRepr() {}

  /** {@code str(value)}: like {@link #repr} except that a top-level string is written bare. */
  public static String str(Object value) {
    if (value instanceof JsonNode node && node.isTextual()) return node.textValue();
    if (value instanceof CharSequence s) return s.toString();
    return repr(value);
  }

  /** {@code repr(value)}. */
  public static String repr(Object value) {
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, value);
    return sb.toString();
  }

  private static void appendRepr(StringBuilder sb, Object value) {
    if (value instanceof JsonNode node) {
      appendJson(sb, node);
    } else if (value == null) {
      sb.append("None");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(floatRepr(((Number) value).doubleValue()));
    } else if (value instanceof BigDecimal d) {
      sb.append(floatRepr(d.doubleValue()));
    } else if (value instanceof Number n) {
      sb.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
    } else if (value instanceof CharSequence s) {
      appendStringRepr(sb, s.toString());
    } else if (value instanceof Map<?, ?> map) {
      appendDict(sb, map.entrySet().iterator());
    } else if (value instanceof Iterable<?> items) {
      appendList(sb, items.iterator());
    } else {
      throw new IllegalArgumentException("no Python equivalent for " + value.getClass().getName());
    }
  }

  private static void appendList(StringBuilder sb, Iterator<?> items) {
    sb.append('[');
    boolean first = true;
    while (items.hasNext()) {
      if (!first) sb.append(", ");
      first = false;
      appendRepr(sb, items.next());
    }
    sb.append(']');
  }

  private static void appendDict(StringBuilder sb, Iterator<? extends Map.Entry<?, ?>> entries) {
    sb.append('{');
    boolean first = true;
    while (entries.hasNext()) {
      Map.Entry<?, ?> e = entries.next();
      if (!first) sb.append(", ");
      first = false;
      appendRepr(sb, e.getKey());
      sb.append(": ");
      appendRepr(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void appendJson(StringBuilder sb, JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      sb.append("None");
    } else if (node.isBoolean()) {
      sb.append(node.booleanValue() ? "True" : "False");
    } else if (node.isIntegralNumber()) {
      sb.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      sb.append(floatRepr(node.doubleValue()));
    } else if (node.isTextual()) {
      appendStringRepr(sb, node.textValue());
    } else if (node.isArray()) {
      appendList(sb, node.elements());
    } else if (node.isObject()) {
      appendDict(sb, node.fields());
    } else {
      throw new IllegalArgumentException("no Python equivalent for JSON " + node.getNodeType());
    }
  }

  /**
   * Python's string repr: single quotes, or double quotes when the text has {@code '} but no
   * {@code "}; backslash and the chosen quote escaped; {@code \t \n \r}; other non-printable code
   * points as backslash-x NN, backslash-u NNNN or backslash-U NNNNNNNN; printable non-ASCII kept.
   */
  private static void appendStringRepr(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp < 0x20 || cp == 0x7F) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7F || isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp <= 0xFF) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xFFFF) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    sb.append(quote);
  }

  /** Python's {@code str.isprintable} for one non-ASCII code point: not C*, Z* (Zs only if not ' '). */
  private static boolean isPrintable(int cp) {
    switch (UCharacter.getType(cp)) {
      case UCharacterCategory.CONTROL:
      case UCharacterCategory.FORMAT:
      case UCharacterCategory.SURROGATE:
      case UCharacterCategory.PRIVATE_USE:
      case UCharacterCategory.UNASSIGNED:
      case UCharacterCategory.LINE_SEPARATOR:
      case UCharacterCategory.PARAGRAPH_SEPARATOR:
      case UCharacterCategory.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /**
   * Python's float repr: the shortest decimal that reads back as the same double, in fixed
   * notation with at least one decimal ({@code 1.0}) when the exponent is in [-4, 16), else as
   * {@code 1e+16} / {@code 1.5e-05}.
   */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    BigDecimal shortest = shortestRoundTrip(Math.abs(d));
    String digits = shortest.unscaledValue().toString();
    int decpt = digits.length() - shortest.scale(); // position of the decimal point within digits
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (decpt > -4 && decpt <= 16) {
      if (decpt <= 0) {
        sb.append("0.").append("0".repeat(-decpt)).append(digits);
      } else if (decpt >= digits.length()) {
        sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
      } else {
        sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
      }
    } else {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+').append(String.format("%02d", Math.abs(exp)));
    }
    return sb.toString();
  }

  private static BigDecimal shortestRoundTrip(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) return candidate.stripTrailingZeros();
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
