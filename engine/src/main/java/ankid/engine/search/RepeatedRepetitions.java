package ankid.engine.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rust repeats a repetition ({@code s?*} is {@code (?:s?)*}); Java refuses {@code s?*} and reads
 * {@code s*+} as possessive. So a quantifier that follows a quantifier gets the repeated atom
 * wrapped in a group. Tracks where the last atom starts in the Java output.
 */
final class RepeatedRepetitions {
  private static final Pattern COUNTED = Pattern.compile("\\{\\d+(?:,\\d*)?\\}");

  private final StringBuilder out;
  private final Deque<Integer> groupStarts = new ArrayDeque<>();
  private int atomStart = -1;
  private boolean repeated;
  private boolean lazyAllowed;

  RepeatedRepetitions(StringBuilder out) {
    this.out = out;
  }

  /** The end of a quantifier starting at {@code i}, or {@code i} if none starts there. */
  int quantifierEnd(String re, int i) {
    char c = re.charAt(i);
    if (atomStart < 0) return i;
    if (c == '*' || c == '+' || c == '?') return i + 1;
    if (c == '{') {
      Matcher m = COUNTED.matcher(re).region(i, re.length());
      if (m.lookingAt()) return m.end();
    }
    return i;
  }

  void quantifier(String q) {
    if (repeated && lazyAllowed && q.equals("?")) {
      lazyAllowed = false;
    } else {
      if (repeated) {
        out.insert(atomStart, "(?:").append(')');
      }
      repeated = true;
      lazyAllowed = true;
    }
    out.append(q);
  }

  void atom() {
    atomStart = out.length();
    repeated = false;
  }

  void openGroup() {
    groupStarts.push(out.length());
    atomStart = -1;
    repeated = false;
  }

  void closeGroup() {
    atomStart = groupStarts.isEmpty() ? -1 : groupStarts.pop();
    repeated = false;
  }

  void alternation() {
    atomStart = -1;
    repeated = false;
  }
}
