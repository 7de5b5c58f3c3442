package ankid.engine.scheduler;

/**
 * Short answer-button labels (rslib/src/scheduler/answering/mod.rs, {@code describe_next_states};
 * timespan.rs, {@code answer_button_time}), as shown in {@code cardsInfo.nextReviews}.
 */
public final class IntervalLabels {
  private static final float MINUTE = 60f, HOUR = 3600f, DAY = 86_400f, YEAR = 365f * DAY,
      MONTH = YEAR / 12f;

  private IntervalLabels() {}

  /** The four labels (again, hard, good, easy). */
  public static String[] describe(NextStates states, SchedTimingToday timing, long learnAheadSecs) {
    CardState[] s = {states.again(), states.hard(), states.good(), states.easy()};
    String[] out = new String[4];
    for (int i = 0; i < 4; i++) {
      long secs = s[i].interval().maybeAsDays(timing.secsUntilRollover()).seconds();
      out[i] = label(secs, learnAheadSecs);
    }
    return out;
  }

  public static String label(long seconds, long learnAheadSecs) {
    if (seconds == 0) return "(end)";
    String prefix = seconds < learnAheadSecs ? "<" : "";
    return prefix + span(seconds);
  }

  /** Natural unit with Anki's answer-button rounding. */
  public static String span(float seconds) {
    float abs = Math.abs(seconds);
    if (abs < MINUTE) return whole(seconds) + "s";
    if (abs < HOUR) return whole(seconds / MINUTE) + "m";
    if (abs < DAY) return tenth(seconds / HOUR) + "h";
    if (abs < MONTH) return whole(seconds / DAY) + "d";
    if (abs < YEAR) return tenth(seconds / MONTH) + "mo";
    return tenth(seconds / YEAR) + "y";
  }

  private static String whole(float x) {
    return Long.toString((long) RustMath.round(x));
  }

  private static String tenth(float x) {
    float r = RustMath.round(x * 10f) / 10f;
    return r == Math.floor(r) ? Long.toString((long) r) : Float.toString(r);
  }

  /**
   * A span in words with its natural unit, as the browser's Interval column shows it (rslib
   * {@code scheduler/timespan.rs}, {@code time_span} not precise): seconds and days whole, the
   * other units to one decimal, e.g. "1 day", "3 days", "1.5 months".
   */
  public static String timeSpan(float seconds) {
    float abs = Math.abs(seconds);
    String unit;
    float amount;
    if (abs < MINUTE) {
      unit = "second";
      amount = RustMath.round(seconds);
    } else if (abs < HOUR) {
      unit = "minute";
      amount = RustMath.round(seconds / MINUTE * 10f) / 10f;
    } else if (abs < DAY) {
      unit = "hour";
      amount = RustMath.round(seconds / HOUR * 10f) / 10f;
    } else if (abs < MONTH) {
      unit = "day";
      amount = RustMath.round(seconds / DAY);
    } else if (abs < YEAR) {
      unit = "month";
      amount = RustMath.round(seconds / MONTH * 10f) / 10f;
    } else {
      unit = "year";
      amount = RustMath.round(seconds / YEAR * 10f) / 10f;
    }
    String number = amount == Math.floor(amount) && !Float.isInfinite(amount)
        ? Long.toString((long) amount) : Float.toString(amount);
    return number + " " + unit + (amount == 1f ? "" : "s");
  }
}
