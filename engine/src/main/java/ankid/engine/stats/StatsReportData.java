package ankid.engine.stats;

import java.util.List;

/**
 * The numbers of Anki's legacy statistics report (pylib/anki/stats.py, {@code CollectionStats},
 * period "1 month"), each section read from {@code revlog} and {@code cards} with the report's own
 * definitions: young/mature split at 21 days, days counted from the next day cutoff, revlog
 * {@code type} 0 learn, 1 review, 2 relearn, 3 filtered. {@link Stats#report} gathers them.
 */
public record StatsReportData(String title, Today today, List<Forecast> forecast, long dueTomorrow,
    List<ReviewDay> reviews, List<Bucket> intervals, IntervalSummary intervalSummary,
    List<Bucket> eases, EaseSummary easeSummary, List<Buttons> buttons, List<Hour> hours,
    CardCounts cards, List<Bucket> added) {

  /** The report's period in days ("1 month"). */
  public static final int DAYS = 30;
  static final int MATURE = 21;

  public record Today(long cards, long seconds, long again, long learn, long review, long relearn,
      long filtered, long matureCount, long matureCorrect) {}

  /** Review cards due {@code day} days from today (0 = today), split young/mature. */
  public record Forecast(int day, long young, long mature) {}

  /** Entries of one day ({@code day} ≤ 0, 0 = today) by kind, and their time in seconds. */
  public record ReviewDay(int day, long learn, long young, long mature, long relearn, long filtered,
      double seconds) {
    public long total() {
      return learn + young + mature + relearn + filtered;
    }
  }

  public record Bucket(int key, long count) {}

  public record IntervalSummary(long cards, double average, long longest) {}

  /** Ease factors of review cards, in percent. */
  public record EaseSummary(double lowest, double average, double highest) {}

  /** Answer-button counts of one group: learning (incl. relearning), young or mature reviews. */
  public record Buttons(String group, long[] counts) {
    public long total() {
      long t = 0;
      for (long c : counts) t += c;
      return t;
    }

    public long correct() {
      return total() - counts[0];
    }
  }

  /** Entries answered in one hour of the day (rollover-adjusted), and the share not Again. */
  public record Hour(int hour, long count, double correctPercent) {}

  /** Card states as the report's pie: suspended includes buried (queue < 0). */
  public record CardCounts(long mature, long youngAndLearning, long unseen, long suspended,
      long total, long notes) {}
}
