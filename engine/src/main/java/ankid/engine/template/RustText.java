package ankid.engine.template;

/**
 * String helpers with Rust's semantics, so that trimming and "is it short" checks agree with
 * Anki's core byte for byte (Rust trims Unicode White_Space, Java's strip() does not trim NBSP).
 */
final class RustText {
  private RustText() {}

  static boolean isWhitespace(int c) {
    return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f
        || c == 0x205f || c == 0x3000;
  }

  static String trimStart(String s) {
    int i = 0;
    while (i < s.length() && isWhitespace(s.charAt(i))) i++;
    return s.substring(i);
  }

  static String trimEnd(String s) {
    int j = s.length();
    while (j > 0 && isWhitespace(s.charAt(j - 1))) j--;
    return s.substring(0, j);
  }

  static String trim(String s) {
    return trimEnd(trimStart(s));
  }
}
