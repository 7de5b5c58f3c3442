package ankid.engine.search;

/**
 * A LIKE pattern every text a case-insensitive search regex finds must match, so SQLite can drop
 * most notes before the regex runs in Java (a call from SQLite into the JVM, a String and a match
 * per row; Anki calls its Rust regex from SQLite at far less cost per row, rslib {@code
 * storage/sqlite.rs, add_regexp_function}).
 *
 * <p>The pattern keeps the characters the regex's top level requires, in order, with {@code %}
 * wherever anything else may come (a group, a class, an escape, a repeated or optional character);
 * {@code ^} at the start and {@code $} at the end drop the outer {@code %}, as without the {@code
 * m} flag they match only at the ends of the text. Only a sure requirement is taken: a regex with
 * a top-level alternation or with flags gives none, nor does an escape this reading does not know.
 *
 * <p>LIKE folds ASCII case only, and {@code _} is any one character. Under {@code (?i)} Rust's
 * regex (simple case folding) lets {@code k} match the Kelvin sign and {@code s} the long s, and a
 * non-ASCII letter its other cases: those are {@code _}. No other ASCII character matches anything
 * beyond its ASCII cases ({@code i} only {@code i} and {@code I}, see {@link RustRegex#translate}).
 */
final class RegexLiteral {
  /** Fewer required characters filter too few notes to pay for the LIKE, unless anchored. */
  private static final int MIN_LITERALS = 3;
  /** Well under SQLite's limit on a LIKE pattern's length (SQLITE_MAX_LIKE_PATTERN_LENGTH, 50,000). */
  private static final int MAX_LENGTH = 10_000;
  /** Characters Rust's regex treats as syntax outside classes; LIKE's own % and _ are left out too. */
  private static final String SPECIAL = "\\.+*?()|[]{}^$%_";
  /** Escapes of one character or a zero-width assertion ({@code \\d}, {@code \\b}, {@code \\n}…), not those of a code point or a class name. */
  private static final String SHORT_ESCAPES = "dDsSwWbBAzntrfva";

  private RegexLiteral() {}

  /** The LIKE pattern (no escape character needed), or null when the regex gives too little. */
  static String likePattern(String regex) {
    if (regex.length() > MAX_LENGTH) return null;
    for (int at = regex.indexOf("(?"); at >= 0; at = regex.indexOf("(?", at + 1)) {
      if (!regex.startsWith("(?:", at)) return null;
    }
    StringBuilder out = new StringBuilder();
    boolean anchoredStart = regex.startsWith("^");
    int i = anchoredStart ? 1 : 0;
    int end = regex.length();
    boolean anchoredEnd = end > i && regex.charAt(end - 1) == '$' && !escaped(regex, end - 1);
    if (anchoredEnd) end--;
    if (!anchoredStart) out.append('%');
    // the index in out of the last atom that a quantifier would apply to, or -1 if it was not kept
    int lastAtom = -1;
    boolean afterQuantifier = false;
    for (; i < end; i++) {
      char c = regex.charAt(i);
      if (c == '?' && afterQuantifier) {
        afterQuantifier = false; // lazy: a?? a*? a+? a{2}?
        continue;
      }
      afterQuantifier = c == '?' || c == '*' || c == '{' || c == '+';
      if (afterQuantifier) {
        // a?, a* and a{0,n} may leave the atom out; a+ and a{n,m} repeat it: a gap either way
        if (c != '+' && lastAtom >= 0) out.setLength(lastAtom);
        gap(out);
        lastAtom = -1;
        if (c == '{') {
          i = regex.indexOf('}', i);
          if (i < 0) return null;
        }
        continue;
      }
      if (c == '|') return null;
      if (c == '\\') {
        if (i + 1 >= end) return null;
        char e = regex.charAt(i + 1);
        if (Character.isLetterOrDigit(e) && SHORT_ESCAPES.indexOf(e) < 0) return null;
        i++;
        lastAtom = gapAtom(out);
      } else if (c == '[') {
        i = classEnd(regex, i);
        if (i < 0 || i >= end) return null;
        lastAtom = gapAtom(out);
      } else if (c == '(') {
        i = groupEnd(regex, i);
        if (i < 0 || i >= end) return null;
        lastAtom = gapAtom(out);
      } else if (c == ')') {
        return null;
      } else if (c < 0x80 && SPECIAL.indexOf(c) < 0 && c >= ' ' && "kKsS".indexOf(c) < 0) {
        lastAtom = out.length();
        out.append(c);
      } else {
        // . ^ $ in the middle, k and s, and any other character: exactly one or none, here "_" or a gap
        lastAtom = out.length();
        if (c == '.' || c == '^' || c == '$' || c < ' ') gap(out);
        else out.append('_');
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(regex.charAt(i + 1))) i++;
      }
    }
    if (!anchoredEnd) gap(out);
    String like = out.toString();
    long literals = like.chars().filter(ch -> ch != '%' && ch != '_').count();
    boolean anchored = !like.startsWith("%") || !like.endsWith("%");
    return literals >= MIN_LITERALS || (anchored && literals > 0) ? like : null;
  }

  private static void gap(StringBuilder out) {
    if (out.length() == 0 || out.charAt(out.length() - 1) != '%') out.append('%');
  }

  private static int gapAtom(StringBuilder out) {
    gap(out);
    return -1;
  }

  private static boolean escaped(String regex, int at) {
    int backslashes = 0;
    for (int i = at - 1; i >= 0 && regex.charAt(i) == '\\'; i--) backslashes++;
    return backslashes % 2 == 1;
  }

  /** The index of the ')' closing the group opened at {@code start}; -1 if none. */
  private static int groupEnd(String regex, int start) {
    int depth = 0;
    for (int i = start; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = classEnd(regex, i);
        if (i < 0) return -1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the ']' closing the class opened at {@code start}, nested classes included; -1 if none. */
  private static int classEnd(String regex, int start) {
    int depth = 0;
    for (int i = start; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        depth++;
        // a ']' right after '[' or '[^' is a literal
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') i++;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') i++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
