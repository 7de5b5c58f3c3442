package ankid.engine.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds HTML media tags the way Anki's {@code HTML_MEDIA_TAGS} regex does (current Anki, 25.02+):
 *
 * <pre>
 * (?xsi) &lt;\b(?:img|audio|video|object|source)\b (?:[^&gt;]|"[^"]+?"|'[^']+?')+?
 *        \b(?:src|data)\b= (?: "([^"]+?)"[^&gt;]*&gt; | '([^']+?)'[^&gt;]*&gt; | ([^ &gt;]+?)(?:\x20[^&gt;]*&gt;|&gt;) )
 * </pre>
 *
 * (in verbose mode the space inside {@code [^ >]} is ignored, so the unquoted value may begin with
 * a space). It is hand-written rather than a {@link java.util.regex.Pattern} because the
 * attribute loop's alternatives overlap: a backtracking engine takes exponential time (and deep
 * recursion) on a tag without {@code src} followed by many quotes, while the state after each
 * loop iteration depends only on the position, so remembering failed positions gives the same
 * leftmost-first match in linear-ish time. Case-insensitivity follows Rust's simple case folding
 * ({@code s} also matches {@code ſ}); {@code \b} is the Unicode word boundary.
 */
public final class MediaTags {
  private static final String[] TAG_NAMES = {"img", "audio", "video", "object", "source"};
  private static final String[] ATTRIBUTES = {"src", "data"};

  /** One match: the whole tag text[start, end) and the attribute value it references. */
  public record Match(int start, int end, String filename) {}

  private MediaTags() {}

  /** All non-overlapping matches, left to right. */
  public static List<Match> findAll(String html) {
    List<Match> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int lt = html.indexOf('<', from);
      if (lt < 0) return out;
      Match m = matchAt(html, lt);
      if (m != null) {
        out.add(m);
        from = m.end();
      } else {
        from = lt + 1;
      }
    }
  }

  /** The match starting at {@code lt} (a '<'), or null. */
  static Match matchAt(String s, int lt) {
    int nameStart = lt + 1;
    int afterName = -1;
    for (String name : TAG_NAMES) {
      if (keywordAt(s, nameStart, name) && !isWordAt(s, nameStart + name.length())) {
        afterName = nameStart + name.length();
        break;
      }
    }
    if (afterName < 0) return null;
    return attributeLoop(s, lt, afterName);
  }

  /**
   * The lazy loop {@code (?:[^>]|"[^"]+?"|'[^']+?')+?} followed by the src/data tail, explored
   * depth-first in the regex's priority order. {@code failed} marks positions after an iteration
   * from which the rest of the pattern is already known not to match.
   */
  private static Match attributeLoop(String s, int lt, int start) {
    BitSet failed = new BitSet();
    // Each frame: a position and the next loop alternative to try from it. Every frame but the
    // first was reached after an iteration and has had its tail tried; the first iteration is
    // mandatory, so the start position gets no tail attempt.
    int[] posStack = new int[16];
    int[] altStack = new int[16];
    posStack[0] = start;
    altStack[0] = 0;
    int depth = 1;
    while (depth > 0) {
      int top = depth - 1;
      int p = posStack[top];
      int alt = altStack[top];
      if (alt == 3) {
        depth--;
        continue;
      }
      altStack[top] = alt + 1;
      int q = iteration(s, p, alt);
      if (q < 0 || failed.get(q)) continue;
      failed.set(q);
      Match m = tail(s, q);
      if (m != null) {
        return new Match(lt, m.end(), m.filename());
      }
      if (depth == posStack.length) {
        posStack = Arrays.copyOf(posStack, depth * 2);
        altStack = Arrays.copyOf(altStack, depth * 2);
      }
      posStack[depth] = q;
      altStack[depth] = 0;
      depth++;
    }
    return null;
  }

  /** End of one loop iteration from p using alternative alt (0 [^>], 1 "…", 2 '…'), or -1. */
  private static int iteration(String s, int p, int alt) {
    if (p >= s.length()) return -1;
    char c = s.charAt(p);
    switch (alt) {
      case 0:
        return c == '>' ? -1 : p + Character.charCount(s.codePointAt(p));
      case 1:
        return c == '"' ? quotedEnd(s, p, '"') : -1;
      default:
        return c == '\'' ? quotedEnd(s, p, '\'') : -1;
    }
  }

  /** For a quote at p: the index after the closing quote when the content is non-empty, else -1. */
  private static int quotedEnd(String s, int p, char quote) {
    if (p + 1 >= s.length() || s.charAt(p + 1) == quote) return -1;
    int close = s.indexOf(quote, p + 2);
    return close < 0 ? -1 : close + 1;
  }

  /** {@code \b(?:src|data)\b=} and the value alternatives at q (the result's start is unused). */
  private static Match tail(String s, int q) {
    if (isWordAt(s, q) == isWordBefore(s, q)) return null;
    for (String attr : ATTRIBUTES) {
      int eq = q + attr.length();
      if (keywordAt(s, q, attr) && eq < s.length() && s.charAt(eq) == '=') {
        return value(s, eq + 1);
      }
    }
    return null;
  }

  private static Match value(String s, int v) {
    if (v >= s.length()) return null;
    char c = s.charAt(v);
    if (c == '"' || c == '\'') {
      int end = quotedEnd(s, v, c);
      if (end >= 0) {
        int gt = s.indexOf('>', end);
        if (gt >= 0) return new Match(-1, gt + 1, s.substring(v + 1, end - 1));
      }
    }
    // Unquoted: at least one non-'>' character, ending at the first space before the next '>'.
    if (c == '>') return null;
    int gt = s.indexOf('>', v + 1);
    if (gt < 0) return null;
    int space = s.indexOf(' ', v + 1);
    int valueEnd = space >= 0 && space < gt ? space : gt;
    return new Match(-1, gt + 1, s.substring(v, valueEnd));
  }

  /** Case-insensitive keyword match under Rust's simple case folding. */
  private static boolean keywordAt(String s, int at, String lowerKeyword) {
    if (at + lowerKeyword.length() > s.length()) return false;
    for (int k = 0; k < lowerKeyword.length(); k++) {
      char want = lowerKeyword.charAt(k);
      char got = s.charAt(at + k);
      if (got != want && got != want - 32 && !(want == 's' && got == '\u017F')) return false;
    }
    return true;
  }

  private static boolean isWordAt(String s, int i) {
    return i < s.length() && isWordChar(s.codePointAt(i));
  }

  private static boolean isWordBefore(String s, int i) {
    return i > 0 && isWordChar(s.codePointBefore(i));
  }

  /** Unicode {@code \w}: alphabetic, marks, decimal digits, connector punctuation, joiners. */
  static boolean isWordChar(int cp) {
    if (Character.isAlphabetic(cp)) return true;
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
        return true;
      default:
        return cp == 0x200C || cp == 0x200D;
    }
  }
}
