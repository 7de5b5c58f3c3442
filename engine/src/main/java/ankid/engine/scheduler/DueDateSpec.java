package ankid.engine.scheduler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * A set-due-date string (rslib/src/scheduler/reviews.rs, {@code parse_due_date_str}): {@code N},
 * {@code A-B}, optionally followed by {@code !}.
 */
public record DueDateSpec(int min, int max, boolean forceReset) {
  private static final Pattern SYNTAX = Pattern.compile("^(\\d+)(-(\\d+))?(!)?$");

  public static DueDateSpec parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
    if (!m.matches()) throw new SchedulerException("invalid input: " + text);
    try {
      int a = Integer.parseInt(m.group(1));
      int b = m.group(3) == null ? a : Integer.parseInt(m.group(3));
      return new DueDateSpec(Math.min(a, b), Math.max(a, b), m.group(4) != null);
    } catch (NumberFormatException e) {
      throw new SchedulerException("invalid input: " + text);
    }
  }

  /** Days from today for one card: a uniform draw in [min, max] (not seeded, as in Anki). */
  public int draw(RandomGenerator random) {
    return min == max ? min : random.nextInt(min, max + 1);
  }
}
