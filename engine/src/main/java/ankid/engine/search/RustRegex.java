package ankid.engine.search;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Anki's regexes are Rust {@code regex} patterns. Java's engine agrees on the syntax users write in
 * searches once the flags make it Unicode-aware like Rust ({@code \w \b \d \s}, {@code (?i)}) and
 * {@code \n}-only line semantics; the few syntax differences are rewritten here.
 */
public final class RustRegex {
  private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RustRegex() {}

  /** Compiles (cached: the same pattern is evaluated for every row of a search). */
  public static Pattern compile(String rustPattern) {
    Pattern p = CACHE.get(rustPattern);
    if (p == null) {
      if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
      p = Pattern.compile(translate(rustPattern), FLAGS);
      CACHE.put(rustPattern, p);
    }
    return p;
  }

  /** Rust's {@code regex::escape}: backslash before {@code \ . + * ? ( ) | [ ] { } ^ $ # & - ~}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\.+*?()|[]{}^$#&-~".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Rust {@code $} (without {@code m}) only matches at the very end, Java's also before a final
   * newline: use {@code \z}. Rust's {@code (?P<name>} is Java's {@code (?<name>}.
   */
  static String translate(String re) {
    boolean multiline = re.contains("(?m") || re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[):].*");
    StringBuilder out = new StringBuilder(re.length() + 8);
    int classDepth = 0;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        out.append(c).append(re.charAt(++i));
      } else if (c == '[') {
        classDepth++;
        out.append(c);
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
        out.append(c);
      } else if (classDepth == 0 && c == '$' && !multiline) {
        out.append("\\z");
      } else if (classDepth == 0 && re.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
