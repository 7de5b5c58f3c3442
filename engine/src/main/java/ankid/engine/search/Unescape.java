package ankid.engine.search;

/**
 * How the parser resolves escapes in values: {@code \" \: \( \) \-} become the character,
 * {@code \\ \* \_} are kept for the wildcard converters, anything else is an error.
 */
final class Unescape {
  private Unescape() {}

  static String unescape(String text) {
    String invalid = invalidEscapeSequence(text);
    if (invalid != null) throw SearchException.unknownEscape(invalid);
    if (!hasParserEscape(text)) return text;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && "\\\":()-".indexOf(text.charAt(i + 1)) >= 0) {
        char next = text.charAt(++i);
        if (next == '\\') out.append('\\');
        out.append(next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Raw values (regexes): only {@code \"} → {@code "}. */
  static String quotes(String text) {
    return text.indexOf('"') >= 0 ? text.replace("\\\"", "\"") : text;
  }

  /** dupe: text: {@code \"} → {@code "}, then {@code \\} → {@code \}. */
  static String quotesAndBackslashes(String text) {
    if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) return text;
    return text.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** The first unescaped backslash not followed by an escapable character (or at the end). */
  static String invalidEscapeSequence(String text) {
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) != '\\') {
        i++;
        continue;
      }
      int run = 0;
      while (i + run < text.length() && text.charAt(i + run) == '\\') run++;
      int after = i + run;
      if (run % 2 == 1) {
        if (after >= text.length()) return "\\";
        int cp = text.codePointAt(after);
        if ("\":*_()-".indexOf(cp) < 0) return "\\" + Character.toString(cp);
      }
      i = after;
    }
    return null;
  }

  /** An unescaped backslash before one of {@code " : ( ) -}. */
  private static boolean hasParserEscape(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (run % 2 == 1 && "\":()-".indexOf(c) >= 0) return true;
      run = c == '\\' ? run + 1 : 0;
    }
    return false;
  }
}
