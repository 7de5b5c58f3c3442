package ankid.engine.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Anki's regexes are Rust {@code regex} patterns, which run in time linear in the text: a search
 * cannot stall on a pattern like {@code (x+x+)+y}. They run here on RE2/J, which gives the same
 * guarantee, after {@link Re2Syntax} has rewritten what the two spell differently.
 *
 * <p>Two things RE2/J cannot do the way Rust does: Unicode word boundaries ({@code \b} is ASCII in
 * RE2, so it is trusted only on ASCII text) and classes inside classes. There, and only there,
 * java.util.regex (with {@link #translate}'s rewriting and Unicode flags) matches instead, on a
 * {@link BacktrackingBudget}: a pattern that needs more steps than the budget fails the search
 * with a message instead of stalling it.
 */
public final class RustRegex {
  private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
  private static final int CACHE_LIMIT = 512;
  private static final Map<String, RustRegex> CACHE = new ConcurrentHashMap<>();

  private final String source;
  private final com.google.re2j.Pattern re2;
  private final boolean wordBoundary;
  private final Pattern backtracking;

  private RustRegex(String source, com.google.re2j.Pattern re2, boolean wordBoundary, Pattern backtracking) {
    this.source = source;
    this.re2 = re2;
    this.wordBoundary = wordBoundary;
    this.backtracking = backtracking;
  }

  /**
   * Compiles (cached: the same pattern is evaluated for every row of a search). An invalid pattern
   * throws {@link PatternSyntaxException} with the description Java gives.
   */
  public static RustRegex compile(String rustPattern) {
    RustRegex r = CACHE.get(rustPattern);
    if (r == null) {
      if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
      // Java's reading validates first: it refuses what Rust refuses, with the messages tests know
      Pattern java = Pattern.compile(withoutOuterDotStars(translate(rustPattern)), FLAGS);
      Re2Syntax syntax = Re2Syntax.of(rustPattern);
      com.google.re2j.Pattern re2 = null;
      if (syntax.expressible) {
        try {
          re2 = com.google.re2j.Pattern.compile(syntax.pattern);
        } catch (com.google.re2j.PatternSyntaxException unsupported) {
          // valid Rust that RE2 lacks (long property names, counts over 1000): the other engine
        }
      }
      r = new RustRegex(rustPattern, re2, syntax.wordBoundary, java);
      CACHE.put(rustPattern, r);
    }
    return r;
  }

  /** A matcher to reuse across texts (one per thread). */
  public Matcher matcher(CharSequence text) {
    return new Matcher().reset(text);
  }

  /** Finds the pattern in texts one after another. */
  public final class Matcher {
    private final com.google.re2j.Matcher linear = re2 == null ? null : re2.matcher("");
    private java.util.regex.Matcher guarded;
    private CharSequence text = "";

    public Matcher reset(CharSequence newText) {
      this.text = newText;
      return this;
    }

    /** Whether the pattern matches somewhere in the text. */
    public boolean find() {
      if (linear(text)) return linear.reset(text).find();
      return BacktrackingBudget.run(text, budgeted -> guarded(budgeted).find());
    }

    /** Whether the pattern matches the whole text. */
    public boolean matches() {
      if (linear(text)) return linear.reset(text).matches();
      return BacktrackingBudget.run(text, budgeted -> {
        // the dropped outer .* do not matter to find(), but they do to a whole match
        return Pattern.compile(translate(source), FLAGS).matcher(budgeted).matches();
      });
    }

    private java.util.regex.Matcher guarded(CharSequence budgeted) {
      if (guarded == null) guarded = backtracking.matcher(budgeted);
      else guarded.reset(budgeted);
      return guarded;
    }

    private boolean linear(CharSequence t) {
      return linear != null && (!wordBoundary || isAscii(t));
    }
  }

  private static boolean isAscii(CharSequence t) {
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) >= 0x80) return false;
    }
    return true;
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
   * newline: use {@code \z}. Rust's {@code (?P<name>} is Java's {@code (?<name>}, Rust's script {@code \p{Han}}
   * Java's {@code \p{IsHan}}.
   *
   * <p>Case-insensitive letters: Java equates {@code i}, {@code I}, {@code İ} and {@code ı} (by
   * upper- then lower-casing), Rust only {@code i} with {@code I} (Unicode simple case folding).
   * Where {@code (?i)} is on, outside character classes, those four letters are matched exactly.
   */
  static String translate(String re) {
    boolean multiline = re.contains("(?m") || re.matches("(?s).*\\(\\?[a-zA-Z]*m[a-zA-Z-]*[):].*");
    StringBuilder out = new StringBuilder(re.length() + 8);
    int classDepth = 0;
    boolean caseless = false;
    Deque<Boolean> outerCaseless = new ArrayDeque<>();
    RepeatedRepetitions reps = new RepeatedRepetitions(out);
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (classDepth == 0 && c != '\\') {
        int quantifierEnd = reps.quantifierEnd(re, i);
        if (quantifierEnd > i) {
          reps.quantifier(re.substring(i, quantifierEnd));
          i = quantifierEnd - 1;
          continue;
        }
      }
      if (c == '\\' && i + 1 < re.length()) {
        if (classDepth == 0) reps.atom();
        int end = i + 2;
        int close = re.charAt(i + 1) == 'p' || re.charAt(i + 1) == 'P' ? propertyEnd(re, i + 2) : -1;
        char escaped = re.charAt(i + 1);
        if (close >= 0) {
          // \p{Han}: the name is not made of literals, and Java knows scripts as IsHan
          out.append(re, i, i + 3).append(property(re.substring(i + 3, close))).append('}');
          end = close + 1;
        } else if (JAVA_ONLY_ESCAPES.indexOf(escaped) >= 0 || escaped >= 0x80) {
          // \e, \Q, \1, \k<…> and the like mean something to Java, but Rust refuses them, and
          // escapes anything but ASCII
          throw new UnrecognizedEscape(re, i);
        } else if (escaped == 'v') {
          out.append("\\x0B"); // Java's \v is any vertical whitespace; Rust's the vertical tab
        } else if ((escaped == 'u' || escaped == 'U') && i + 2 < re.length() && re.charAt(i + 2) == '{') {
          out.append("\\x");
          end = i + 2;
        } else if (escaped == 'U') {
          end = Math.min(re.length(), i + 10);
          out.append("\\x{").append(re, i + 2, end).append('}');
        } else {
          out.append(re, i, end);
        }
        i = end - 1;
      } else if (c == '[') {
        if (classDepth == 0) reps.atom();
        classDepth++;
        out.append(c);
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') out.append(re.charAt(++i));
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
        out.append(c);
      } else if (classDepth > 0) {
        out.append(c);
      } else if (c == '$' && !multiline) {
        reps.atom();
        out.append("\\z");
      } else if (c == '(') {
        java.util.regex.Matcher flags = FLAGS_GROUP.matcher(re).region(i, re.length());
        java.util.regex.Matcher named = NAMED_GROUP.matcher(re).region(i, re.length());
        if (flags.lookingAt()) {
          boolean inner = withFlags(caseless, flags.group(1));
          // "(?i)" changes the rest of the enclosing group; "(?i:" only its own
          if (flags.group(2).equals(":")) {
            outerCaseless.push(caseless);
            reps.openGroup();
          }
          caseless = inner;
          out.append(flags.group());
          i = flags.end() - 1;
        } else {
          outerCaseless.push(caseless);
          reps.openGroup();
          if (named.lookingAt()) {
            out.append("(?<").append(named.group(1));
            i = named.end() - 1;
          } else {
            out.append(c);
          }
        }
      } else if (c == ')') {
        if (!outerCaseless.isEmpty()) caseless = outerCaseless.pop();
        out.append(c);
        reps.closeGroup();
      } else if (c == '|') {
        reps.alternation();
        out.append(c);
      } else {
        reps.atom();
        if (caseless && (c == 'i' || c == 'I')) {
          out.append("(?-i:[iI])");
        } else if (caseless && EXACT_CASE.indexOf(c) >= 0) {
          out.append("(?-i:").append(c).append(')');
        } else {
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** The index of the {@code }} closing a property name that starts at {@code open}, or -1. */
  private static int propertyEnd(String re, int open) {
    return open < re.length() && re.charAt(open) == '{' ? re.indexOf('}', open) : -1;
  }

  /** A Unicode property name as Java spells it: Rust's {@code Greek} is Java's {@code IsGreek}. */
  private static String property(String name) {
    try {
      Pattern.compile("\\p{" + name + "}");
      return name;
    } catch (java.util.regex.PatternSyntaxException e) {
      return "Is" + name;
    }
  }

  /** Rust's error for an escape it does not know, spanning the two characters as Rust marks them. */
  static final class UnrecognizedEscape extends PatternSyntaxException {
    UnrecognizedEscape(String pattern, int index) {
      super("unrecognized escape sequence", pattern, index);
    }
  }

  /** Escapes Java knows and Rust's regex crate rejects. */
  private static final String JAVA_ONLY_ESCAPES = "ecZGQEhHRXNk0123456789";

  /** The letters whose case-insensitive matches are spelled out, outside classes, where (?i) is on. */
  static final String EXACT_CASE = "iI\u0130\u0131";

  private static final Pattern FLAGS_GROUP = Pattern.compile("\\(\\?([a-zA-Z]*(?:-[a-zA-Z]*)?)([:)])");
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<([A-Za-z][A-Za-z0-9]*>)");

  private static boolean withFlags(boolean caseless, String flags) {
    int minus = flags.indexOf('-');
    if (minus >= 0 && flags.indexOf('i', minus) >= 0) return false;
    return caseless || flags.indexOf('i') >= 0;
  }
}
