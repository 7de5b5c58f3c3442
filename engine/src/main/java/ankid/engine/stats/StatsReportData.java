package ankid.engine.stats;

import ankid.engine.Collection;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.storage.Db;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of Anki's legacy statistics report ({@code anki/stats.py}, period "1 month"), each
 * section computed from {@code revlog} and {@code cards} with the report's own definitions:
 * young/mature split at 21 days, days counted from the next day cutoff, revlog {@code type}
 * 0 learn, 1 review, 2 relearn, 3 filtered.
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

  public static StatsReportData compute(Collection col, StatsScope scope) {
    SchedTimingToday timing = col.timing();
    Db db = col.db();
    long cutoff = timing.nextDayAt();
    long today = timing.daysElapsed();
    String cards = scope.cardFilter();
    String revlog = scope.revlogFilter();
    long periodStartMs = (cutoff - DAYS * 86_400L) * 1000;

    Today t = db.queryOne("select count(), coalesce(sum(time), 0) / 1000,"
        + " coalesce(sum(ease = 1), 0), coalesce(sum(type = 0), 0), coalesce(sum(type = 1), 0),"
        + " coalesce(sum(type = 2), 0), coalesce(sum(type = 3), 0),"
        + " coalesce(sum(lastIvl >= 21), 0), coalesce(sum(lastIvl >= 21 and ease > 1), 0)"
        + " from revlog where ease > 0 and id > ? and " + revlog,
        rs -> new Today(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
        (cutoff - 86_400) * 1000).orElseThrow();

    List<Forecast> forecast = db.query("select due - ? as day, sum(ivl < 21), sum(ivl >= 21) from cards"
        + " where queue in (2, 3) and due - ? between 0 and ? and " + cards + " group by day order by day",
        rs -> new Forecast(rs.getInt(1), rs.getLong(2), rs.getLong(3)), today, today, DAYS);
    long dueTomorrow = db.queryLong("select count() from cards where queue in (2, 3) and due = ? and " + cards,
        0, today + 1);

    List<ReviewDay> reviews = db.query("select cast((id / 1000.0 - ?) / 86400.0 as int) as day,"
        + " sum(type = 0), sum(type = 1 and lastIvl < 21), sum(type = 1 and lastIvl >= 21),"
        + " sum(type = 2), sum(type = 3), sum(time) / 1000.0"
        + " from revlog where ease > 0 and id > ? and " + revlog + " group by day order by day",
        rs -> new ReviewDay(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getDouble(7)), cutoff, periodStartMs);

    List<Bucket> intervals = db.query("select ivl, count() from cards where queue = 2 and ivl <= ? and "
        + cards + " group by ivl order by ivl", rs -> new Bucket(rs.getInt(1), rs.getLong(2)), DAYS);
    IntervalSummary intervalSummary = db.queryOne("select count(), coalesce(avg(ivl), 0), coalesce(max(ivl), 0)"
        + " from cards where queue = 2 and " + cards,
        rs -> new IntervalSummary(rs.getLong(1), rs.getDouble(2), rs.getLong(3))).orElseThrow();

    List<Bucket> eases = db.query("select factor / 100 * 10, count() from cards where queue = 2 and " + cards
        + " group by 1 order by 1", rs -> new Bucket(rs.getInt(1), rs.getLong(2)));
    EaseSummary easeSummary = db.queryOne("select coalesce(min(factor), 0) / 10.0, coalesce(avg(factor), 0) / 10.0,"
        + " coalesce(max(factor), 0) / 10.0 from cards where queue = 2 and " + cards,
        rs -> new EaseSummary(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3))).orElseThrow();

    return new StatsReportData(scope.title(), t, forecast, dueTomorrow, reviews, intervals,
        intervalSummary, eases, easeSummary, buttons(db, revlog, periodStartMs),
        hours(col, revlog, cutoff), cardCounts(db, cards), added(db, cards, cutoff));
  }

  private static List<Buttons> buttons(Db db, String revlog, long sinceMs) {
    long[][] counts = new long[3][4];
    db.query("select (case when type in (0, 2) then 0 when lastIvl < 21 then 1 else 2 end), ease, count()"
        + " from revlog where ease between 1 and 4 and type in (0, 1, 2) and id > ? and " + revlog
        + " group by 1, 2", rs -> {
          counts[rs.getInt(1)][rs.getInt(2) - 1] = rs.getLong(3);
          return null;
        }, sinceMs);
    return List.of(new Buttons("Learning", counts[0]), new Buttons("Young", counts[1]),
        new Buttons("Mature", counts[2]));
  }

  /** Hours count from the rollover hour, so one Anki day maps onto 0..23 once. */
  private static List<Hour> hours(Collection col, String revlog, long cutoff) {
    long rollover = col.config().getLong("rollover", 4);
    List<Hour> out = new ArrayList<>();
    col.db().query("select 23 - (cast((? - id / 1000) / 3600.0 as int) % 24) as hour, count(),"
        + " sum(ease > 1) * 100.0 / count() from revlog where ease > 0 and type in (0, 1, 2) and id > ? and "
        + revlog + " group by hour order by hour", rs -> {
          out.add(new Hour((int) ((rs.getInt(1) + rollover) % 24), rs.getLong(2), rs.getDouble(3)));
          return null;
        }, cutoff - rollover * 3600, (cutoff - DAYS * 86_400L) * 1000);
    out.sort(java.util.Comparator.comparingInt(Hour::hour));
    return out;
  }

  private static CardCounts cardCounts(Db db, String cards) {
    return db.queryOne("select coalesce(sum(queue = 2 and ivl >= 21), 0),"
        + " coalesce(sum(queue in (1, 3) or (queue = 2 and ivl < 21)), 0), coalesce(sum(queue = 0), 0),"
        + " coalesce(sum(queue < 0), 0), count(), count(distinct nid) from cards where " + cards,
        rs -> new CardCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6))).orElseThrow();
  }

  /** Cards added per day ({@code key} ≤ 0, 0 = today), from card ids (creation ms). */
  private static List<Bucket> added(Db db, String cards, long cutoff) {
    return db.query("select cast((id / 1000.0 - ?) / 86400.0 as int) as day, count() from cards"
        + " where id > ? and " + cards + " group by day order by day",
        rs -> new Bucket(rs.getInt(1), rs.getLong(2)), cutoff, (cutoff - DAYS * 86_400L) * 1000);
  }
}
