package ankid.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Python 3.13's {@code json.loads} of a str, which AnkiConnect runs on every request body
 * ({@code plugin/web.py, WebServer.handlerWrapper}): the same grammar (NaN, Infinity and
 * -Infinity accepted, the last of duplicate keys wins, trailing text refused) and the same
 * {@code JSONDecodeError} texts at the same positions. Positions follow CPython's
 * {@code Modules/_json.c} (scanstring_unicode, _parse_object_unicode, _parse_array_unicode,
 * _match_number_unicode, scan_once_unicode) and {@code Lib/json/decoder.py} (JSONDecoder.decode,
 * JSONDecodeError): char = index in code points, line and column 1-based.
 */
final class PythonJson {
  /** Python's {@code StopIteration(idx)} from the scanner: no value starts at {@code idx}. */
  private static final class NoValue extends Exception {
    final int idx;

    NoValue(int idx) {
      super(null, null, false, false);
      this.idx = idx;
    }
  }

  // The C recursion limit makes CPython give up near 10000 levels (a RecursionError AnkiConnect
  // does not catch); ankid stops at 1000, where its reply tree can still be written.
  private static final int MAX_DEPTH = 1000;
  // sys.get_int_max_str_digits(): int() refuses longer digit strings (Objects/longobject.c)
  private static final int MAX_INT_DIGITS = 4300;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String s;
  private final int len;
  private final int maxItems;
  private int depth;
  private int items;

  private PythonJson(String s, int maxItems) {
    this.s = s;
    this.len = s.length();
    this.maxItems = maxItems;
  }

  /** {@code json.loads(text)}. */
  static JsonNode loads(String text) throws PythonValueError {
    return loads(text, Integer.MAX_VALUE);
  }

  /**
   * {@code json.loads(text)}, refusing a document with more than {@code maxItems} list items and
   * object members in all: a few megabytes of ids would otherwise become gigabytes of nodes
   * before any action could refuse them.
   */
  static JsonNode loads(String text, int maxItems) throws PythonValueError {
    if (text.startsWith("\uFEFF")) {
      // Lib/json/__init__.py, loads
      throw error(text, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    return new PythonJson(text, maxItems).decode();
  }

  private void countItem() throws PythonValueError {
    if (++items > maxItems) {
      throw new PythonValueError("request has more than " + maxItems
          + " list items and object members (the server's maxRequestItems)");
    }
  }

  private JsonNode decode() throws PythonValueError {
    int idx = skipWhitespace(0);
    Scanned value;
    try {
      value = scanOnce(idx);
    } catch (NoValue e) {
      throw error("Expecting value", e.idx);
    }
    int end = skipWhitespace(value.end);
    if (end != len) throw error("Extra data", end);
    return value.node;
  }

  /** A value and the index just after it. */
  private record Scanned(JsonNode node, int end) {}

  private Scanned scanOnce(int idx) throws PythonValueError, NoValue {
    if (idx >= len) throw new NoValue(idx);
    switch (s.charAt(idx)) {
      case '"':
        return scanString(idx + 1);
      case '{':
        return nested(idx, "object");
      case '[':
        return nested(idx, "array");
      case 'n':
        if (s.startsWith("null", idx)) return new Scanned(NODES.nullNode(), idx + 4);
        break;
      case 't':
        if (s.startsWith("true", idx)) return new Scanned(NODES.booleanNode(true), idx + 4);
        break;
      case 'f':
        if (s.startsWith("false", idx)) return new Scanned(NODES.booleanNode(false), idx + 5);
        break;
      case 'N':
        if (s.startsWith("NaN", idx)) return new Scanned(NODES.numberNode(Double.NaN), idx + 3);
        break;
      case 'I':
        if (s.startsWith("Infinity", idx)) return new Scanned(NODES.numberNode(Double.POSITIVE_INFINITY), idx + 8);
        break;
      case '-':
        if (s.startsWith("-Infinity", idx)) return new Scanned(NODES.numberNode(Double.NEGATIVE_INFINITY), idx + 9);
        break;
      default:
        break;
    }
    return matchNumber(idx);
  }

  private Scanned nested(int idx, String kind) throws PythonValueError, NoValue {
    if (depth == MAX_DEPTH) {
      throw new PythonValueError(
          "maximum recursion depth exceeded while decoding a JSON " + kind + " from a unicode string");
    }
    depth++;
    try {
      return kind.equals("object") ? parseObject(idx + 1) : parseArray(idx + 1);
    } finally {
      depth--;
    }
  }

  private Scanned parseObject(int idx) throws PythonValueError, NoValue {
    ObjectNode object = NODES.objectNode();
    idx = skipWhitespace(idx);
    if (charAt(idx) == '}') return new Scanned(object, idx + 1);
    while (true) {
      if (charAt(idx) != '"') throw error("Expecting property name enclosed in double quotes", idx);
      Scanned key = scanString(idx + 1);
      idx = skipWhitespace(key.end);
      if (charAt(idx) != ':') throw error("Expecting ':' delimiter", idx);
      idx = skipWhitespace(idx + 1);
      Scanned value = scanOnce(idx);
      countItem();
      // dict(pairs): a repeated key keeps its first place and takes the last value
      object.set(key.node.textValue(), value.node);
      idx = skipWhitespace(value.end);
      if (charAt(idx) == '}') return new Scanned(object, idx + 1);
      idx = afterComma(idx, '}', "object");
    }
  }

  private Scanned parseArray(int idx) throws PythonValueError, NoValue {
    ArrayNode array = NODES.arrayNode();
    idx = skipWhitespace(idx);
    if (charAt(idx) == ']') return new Scanned(array, idx + 1);
    while (true) {
      Scanned value = scanOnce(idx);
      countItem();
      array.add(value.node);
      idx = skipWhitespace(value.end);
      if (charAt(idx) == ']') return new Scanned(array, idx + 1);
      idx = afterComma(idx, ']', "array");
    }
  }

  /** Past the comma expected at {@code idx} and the blanks after it, where the next member starts. */
  private int afterComma(int idx, char closer, String kind) throws PythonValueError {
    if (charAt(idx) != ',') throw error("Expecting ',' delimiter", idx);
    int next = skipWhitespace(idx + 1);
    // Python 3.13 names the mistake at the comma
    if (charAt(next) == closer) throw error("Illegal trailing comma before end of " + kind, idx);
    return next;
  }

  /** The string whose opening quote is just before {@code end}. */
  private Scanned scanString(int end) throws PythonValueError {
    int begin = end - 1;
    StringBuilder chunks = null;
    while (true) {
      int next = end;
      char c = 0;
      for (; next < len; next++) {
        c = s.charAt(next);
        if (c == '"' || c == '\\') break;
        if (c <= 0x1f) throw error("Invalid control character at", next);
      }
      if (next == len) throw error("Unterminated string starting at", begin);
      if (c == '"') {
        if (chunks == null) return new Scanned(NODES.textNode(s.substring(end, next)), next + 1);
        chunks.append(s, end, next);
        return new Scanned(NODES.textNode(chunks.toString()), next + 1);
      }
      if (chunks == null) chunks = new StringBuilder();
      chunks.append(s, end, next);
      next++;
      if (next == len) throw error("Unterminated string starting at", begin);
      c = s.charAt(next);
      if (c != 'u') {
        end = next + 1;
        char unescaped = switch (c) {
          case '"', '\\', '/' -> c;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> throw error("Invalid \\escape", end - 2);
        };
        chunks.append(unescaped);
        continue;
      }
      next++;
      end = next + 4;
      // also when the four digits end the document: _json.c tests end >= len
      if (end >= len) throw error("Invalid \\uXXXX escape", next - 1);
      int cp = hex4(next);
      if (Character.isHighSurrogate((char) cp) && end + 6 < len
          && s.charAt(end) == '\\' && s.charAt(end + 1) == 'u') {
        int low = hex4(end + 2);
        if (Character.isLowSurrogate((char) low)) {
          cp = Character.toCodePoint((char) cp, (char) low);
          end += 6;
        }
      }
      // a lone surrogate stays one, as in a Python str
      chunks.appendCodePoint(cp);
    }
  }

  /** The four hex digits at {@code at}, just after a backslash and a {@code u}. */
  private int hex4(int at) throws PythonValueError {
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      char c = s.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0'
          : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10
          : -1;
      if (digit < 0) throw error("Invalid \\uXXXX escape", at - 1);
      value = (value << 4) | digit;
    }
    return value;
  }

  private Scanned matchNumber(int start) throws PythonValueError, NoValue {
    int lastIdx = len - 1;
    int idx = start;
    if (s.charAt(idx) == '-') {
      idx++;
      if (idx > lastIdx) throw new NoValue(start);
    }
    char first = s.charAt(idx);
    if (first >= '1' && first <= '9') {
      idx++;
      while (idx <= lastIdx && isDigit(s.charAt(idx))) idx++;
    } else if (first == '0') {
      idx++;
    } else {
      throw new NoValue(start);
    }
    boolean isFloat = false;
    if (idx < lastIdx && s.charAt(idx) == '.' && isDigit(s.charAt(idx + 1))) {
      isFloat = true;
      idx += 2;
      while (idx <= lastIdx && isDigit(s.charAt(idx))) idx++;
    }
    if (idx < lastIdx && (s.charAt(idx) == 'e' || s.charAt(idx) == 'E')) {
      int exponentStart = idx;
      idx++;
      if (idx < lastIdx && (s.charAt(idx) == '-' || s.charAt(idx) == '+')) idx++;
      while (idx <= lastIdx && isDigit(s.charAt(idx))) idx++;
      if (isDigit(s.charAt(idx - 1))) {
        isFloat = true;
      } else {
        idx = exponentStart; // "1e" or "1e+": the number ends before the e
      }
    }
    String number = s.substring(start, idx);
    return new Scanned(isFloat ? NODES.numberNode(Double.parseDouble(number)) : integer(number), idx);
  }

  /** Python's {@code int(text)}: a JSON int node sized like the one Jackson would read. */
  private static JsonNode integer(String text) throws PythonValueError {
    int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
    if (digits > MAX_INT_DIGITS) {
      throw new PythonValueError("Exceeds the limit (" + MAX_INT_DIGITS + " digits) for integer string conversion: "
          + "value has " + digits + " digits; use sys.set_int_max_str_digits() to increase the limit");
    }
    if (digits <= 18) {
      long value = Long.parseLong(text);
      return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
    BigInteger value = new BigInteger(text);
    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The char at {@code idx}, or 0 past the end (no JSON token is NUL). */
  private char charAt(int idx) {
    return idx < len ? s.charAt(idx) : 0;
  }

  /** Python's {@code [ \t\n\r]*}. */
  private int skipWhitespace(int idx) {
    while (idx < len) {
      char c = s.charAt(idx);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      idx++;
    }
    return idx;
  }

  private PythonValueError error(String message, int pos) {
    return error(s, message, pos);
  }

  /** {@code JSONDecodeError(msg, doc, pos)}: positions counted in code points, as in a Python str. */
  private static PythonValueError error(String doc, String message, int pos) {
    int lineno = 1;
    for (int i = doc.indexOf('\n'); i >= 0 && i < pos; i = doc.indexOf('\n', i + 1)) lineno++;
    int lastNewline = pos == 0 ? -1 : doc.lastIndexOf('\n', pos - 1);
    int colno = lastNewline < 0 ? doc.codePointCount(0, pos) + 1 : doc.codePointCount(lastNewline, pos);
    int charIndex = doc.codePointCount(0, pos);
    return new PythonValueError(message + ": line " + lineno + " column " + colno + " (char " + charIndex + ")");
  }
}
