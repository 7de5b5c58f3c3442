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
      p = Pattern.compile(withoutOuterDotStars(translate(rustPattern)), FLAGS);
      CACHE.put(rustPattern, p);
    }
    return p;
  }

  /**
   * Every caller only asks whether the pattern matches somewhere ({@code find}), and for that a
   * leading or trailing top-level {@code .*} changes nothing, since it may match the empty string.
   * Rust's automaton ignores them at no cost, but Java's backtracking retries a leading {@code .*}
   * from every start position: quadratic in the text, and 8× slower on Anki's own tag search
   * {@code (?i).* tag(::| ).*}. So they are dropped before compiling.
   */
  static String withoutOuterDotStars(String re) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\') i++;
      else if (inClass) inClass = c != ']';
      else if (c == '[') {
        inClass = true;
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') i++;
      } else if (c == '(') depth++;
      else if (c == ')' && --depth < 0) return re;
      // a top-level alternation: `a|b.*` is still safe, but keep the rule simple and obviously right
      else if (c == '|' && depth == 0) return re;
    }
    if (depth != 0 || inClass) return re;
    String out = re;
    java.util.regex.Matcher lead = LEADING_DOT_STAR.matcher(out);
    if (lead.lookingAt()) out = lead.group(1) + out.substring(lead.end());
    if (TRAILING_SAFE.matcher(out).matches()) {
      out = out.substring(0, out.length() - 2);
    }
    return out;
  }

  /** Flags only, then {@code .*} not followed by a quantifier modifier. */
  private static final Pattern LEADING_DOT_STAR = Pattern.compile("((?:\\(\\?[a-zA-Z]*\\))?)\\.\\*(?![?+*{])");
  /** The {@code .} of a final {@code .*} preceded by an even number of backslashes (not escaped). */
  private static final Pattern TRAILING_SAFE = Pattern.compile("(?s).*(?<!\\\\)(?:\\\\\\\\)*\\.\\*");

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
