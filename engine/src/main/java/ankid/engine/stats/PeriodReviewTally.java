package ankid.engine.stats;

import ankid.engine.stats.StatsReportData.Hour;
import ankid.engine.stats.StatsReportData.ReviewDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's review sections gathered in one pass over the period's answered entries, each with
 * its definition in anki/stats.py, CollectionStats: entries per day by kind ({@code _done}),
 * answer buttons ({@code _eases}) and entries per hour ({@code _hourRet}). Days and hours are
 * computed as that report's SQL does (a day truncated towards zero from the cutoff, in floating
 * point), so entries on a boundary land where Anki puts them.
 */
final class PeriodReviewTally {
  private static final int LEARN = 0, REVIEW = 1, RELEARN = 2, FILTERED = 3;
  private final long cutoffSecs;
  private final long hourZeroSecs;
  /** Per day: learn, young, mature, relearn, filtered, time in ms. */
  private final KeyedCounts days = new KeyedCounts(6);
  /** Per hour counted back from {@code hourZeroSecs}: entries, correct ones. */
  private final KeyedCounts hours = new KeyedCounts(2);
  private final long[][] buttons = new long[3][4];

  /**
   * @param cutoffSecs the next day cutoff
   * @param hourZeroSecs the cutoff moved back to the rollover hour
   */
  PeriodReviewTally(long cutoffSecs, long hourZeroSecs) {
    this.cutoffSecs = cutoffSecs;
    this.hourZeroSecs = hourZeroSecs;
  }

  void add(long id, long timeMs, int ease, int type, boolean mature) {
    // cast((id / 1000.0 - cutoff) / 86400.0 as int): SQLite's cast truncates as Java's does.
    long[] day = days.at((int) (long) ((id / 1000.0 - cutoffSecs) / 86400.0));
    switch (type) {
      case LEARN -> day[0]++;
      case REVIEW -> day[mature ? 2 : 1]++;
      case RELEARN -> day[3]++;
      case FILTERED -> day[4]++;
      default -> { }
    }
    day[5] += timeMs;
    if (type > RELEARN) return;
    // 23 - (cast((hourZero - id / 1000) / 3600.0 as int) % 24)
    long[] hour = hours.at((int) (23 - ((long) ((hourZeroSecs - id / 1000) / 3600.0) % 24)));
    hour[0]++;
    if (ease > 1) hour[1]++;
    if (ease <= 4) buttons[type == REVIEW ? (mature ? 2 : 1) : 0][ease - 1]++;
  }

  List<ReviewDay> reviewDays() {
    List<ReviewDay> out = new ArrayList<>();
    days.forEach((d, n) -> out.add(new ReviewDay(d, n[0], n[1], n[2], n[3], n[4], n[5] / 1000.0)));
    return out;
  }

  /** Answer counts: [group: learning, young, mature][ease − 1]. */
  long[][] buttons() {
    return buttons;
  }

  /** Entries per hour counted back from the hour-zero second, before the rollover shift. */
  List<Hour> hours() {
    List<Hour> out = new ArrayList<>();
    hours.forEach((h, n) -> out.add(new Hour(h, n[0], n[1] * 100.0 / n[0])));
    return out;
  }
}
