package ankid.engine.search;

import java.util.function.Predicate;

/**
 * Bounds the work of java.util.regex, which backtracks and can take exponential time (or overflow
 * the stack) on patterns Rust runs in linear time. The text is read through a view that counts
 * every character the engine looks at; past {@code 100 000 + 1000 × length} looks the match is
 * abandoned and the search fails with {@link RegexTooSlowException}. Only the few patterns RE2/J
 * cannot run the way Rust does come here (see {@link RustRegex}).
 */
final class BacktrackingBudget implements CharSequence {
  private final CharSequence text;
  private final long[] left;

  private BacktrackingBudget(CharSequence text, long[] left) {
    this.text = text;
    this.left = left;
  }

  /** Runs {@code match} on a budgeted view of {@code text}. */
  static boolean run(CharSequence text, Predicate<CharSequence> match) {
    BacktrackingBudget view = new BacktrackingBudget(text, new long[] {100_000L + 1000L * text.length()});
    try {
      return match.test(view);
    } catch (StackOverflowError e) {
      throw new RegexTooSlowException();
    }
  }

  @Override
  public char charAt(int index) {
    if (--left[0] < 0) throw new RegexTooSlowException();
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new BacktrackingBudget(text.subSequence(start, end), left);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
