package ankid.engine.stats;

import ankid.engine.stats.StatsReportData.Bucket;
import ankid.engine.stats.StatsReportData.EaseSummary;
import ankid.engine.stats.StatsReportData.Forecast;
import ankid.engine.stats.StatsReportData.IntervalSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's card sections gathered in one pass over review (queue 2) and interday learning
 * (queue 3) cards, each with its definition in pylib/anki/stats.py, CollectionStats: future due
 * ({@code _due}), intervals ({@code _ivls}), ease ({@code _eases}) and the card-state pie
 * ({@code _cards}). Averages are the integer sum over the count, as SQLite's {@code avg} of integers.
 */
final class ReviewCardTally {
  private final long today;
  private final int days;
  private final KeyedCounts forecast = new KeyedCounts(2);
  private final KeyedCounts intervals = new KeyedCounts(1);
  private final KeyedCounts eases = new KeyedCounts(1);
  private long dueTomorrow;
  private long reviewCards, ivlSum, ivlMax, factorSum, factorMin, factorMax;
  private long mature, youngAndInterdayLearning;

  /** @param today days elapsed; future due covers days 0 (today) to {@code days} */
  ReviewCardTally(long today, int days) {
    this.today = today;
    this.days = days;
  }

  void add(int queue, long due, long ivl, long factor) {
    long day = due - today;
    if (day >= 0 && day <= days) forecast.at((int) day)[ivl < StatsReportData.MATURE ? 0 : 1]++;
    if (day == 1) dueTomorrow++;
    if (queue != 2) {
      youngAndInterdayLearning++;
      return;
    }
    if (ivl >= StatsReportData.MATURE) mature++;
    else youngAndInterdayLearning++;
    if (ivl <= days) intervals.at((int) ivl)[0]++;
    eases.at((int) (factor / 100 * 10))[0]++;
    factorMin = reviewCards == 0 ? factor : Math.min(factorMin, factor);
    factorMax = reviewCards == 0 ? factor : Math.max(factorMax, factor);
    ivlMax = reviewCards == 0 ? ivl : Math.max(ivlMax, ivl);
    reviewCards++;
    ivlSum += ivl;
    factorSum += factor;
  }

  List<Forecast> forecast() {
    List<Forecast> out = new ArrayList<>();
    forecast.forEach((day, n) -> out.add(new Forecast(day, n[0], n[1])));
    return out;
  }

  long dueTomorrow() {
    return dueTomorrow;
  }

  List<Bucket> intervals() {
    return buckets(intervals);
  }

  IntervalSummary intervalSummary() {
    return new IntervalSummary(reviewCards, reviewCards == 0 ? 0 : (double) ivlSum / reviewCards, ivlMax);
  }

  List<Bucket> eases() {
    return buckets(eases);
  }

  EaseSummary easeSummary() {
    return new EaseSummary(factorMin / 10.0, (reviewCards == 0 ? 0 : (double) factorSum / reviewCards) / 10.0,
        factorMax / 10.0);
  }

  /** Review cards of 21 days or more. */
  long mature() {
    return mature;
  }

  /** Younger review cards and interday learning ones; the pie adds intraday learning. */
  long youngAndInterdayLearning() {
    return youngAndInterdayLearning;
  }

  private static List<Bucket> buckets(KeyedCounts counts) {
    List<Bucket> out = new ArrayList<>();
    counts.forEach((key, n) -> out.add(new Bucket(key, n[0])));
    return out;
  }
}
