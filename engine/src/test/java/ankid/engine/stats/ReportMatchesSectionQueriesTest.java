package ankid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.stats.StatsReportData.Bucket;
import ankid.engine.stats.StatsReportData.Buttons;
import ankid.engine.stats.StatsReportData.CardCounts;
import ankid.engine.stats.StatsReportData.EaseSummary;
import ankid.engine.stats.StatsReportData.Forecast;
import ankid.engine.stats.StatsReportData.Hour;
import ankid.engine.stats.StatsReportData.IntervalSummary;
import ankid.engine.stats.StatsReportData.ReviewDay;
import ankid.engine.storage.Sql;
import ankid.engine.testing.SharedFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's single passes over cards and reviews give what each section's own query gives:
 * the per-section SQL below is the report's definition (anki/stats.py, CollectionStats), run as
 * it is written, and the whole report (data and HTML) must come out the same, on real reviews and
 * on values at every edge the passes treat apart (day and hour boundaries, values too large to
 * pack, unusual eases and types).
 */
class ReportMatchesSectionQueriesTest {
  private static final int DAYS = StatsReportData.DAYS;
  @TempDir Path dir;

  @Test
  void realReviewsOfTheSpanishFixture() {
    Path file = SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", dir.resolve("s"));
    int reviewDays = 0;
    for (String now : List.of("2025-12-01T20:00:00Z", "2025-01-05T12:00:00Z", "2024-12-20T03:30:00Z")) {
      try (Collection col = Collection.open(file, Clock.fixed(Instant.parse(now), ZoneOffset.UTC))) {
        long mostReviewed = col.read(c -> c.db().queryLong("select did from revlog join cards on cards.id = revlog.cid"
            + " group by did order by count() desc limit 1", 0));
        col.write(c -> {
          c.config().set("curDeck", mostReviewed);
          return null;
        });
        reviewDays += assertSameReport(col, true) + assertSameReport(col, false);
      }
    }
    assertThat(reviewDays).isPositive();
  }

  @Test
  void edgeValues() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-20T02:30:00Z"), ZoneOffset.UTC);
    try (Collection col = Collection.open(dir.resolve("c.anki2"), clock)) {
      col.write(c -> {
        long deck = c.decks().idForName("Edge::Child");
        c.config().set("curDeck", c.decks().idForName("Edge"));
        long today = c.timing().daysElapsed();
        long cutoffMs = c.timing().nextDayAt() * 1000;
        long hourZeroMs = cutoffMs - 4 * 3_600_000L;
        long[][] cards = {
            // queue, due, ivl, factor
            {2, today, 1, 2500}, {2, today + 1, 20, 2500}, {2, today + 1, 21, 1300}, {2, today + 30, 30, 2490},
            {2, today + 31, 31, 2510}, {2, today - 3, 400, 3000}, {2, -5, -5, 0}, {2, 20_000_000, 2_000_000, 70_000},
            {2, today + 2, 3, -100}, {3, today, 0, 0}, {3, today + 1, 0, 2500}, {3, today + 40, 0, 2500},
            {0, 1, 0, 0}, {0, 2, 0, 0}, {1, 1_900_000_000, 0, 2500}, {-1, today, 10, 2500}, {-2, 0, 0, 0},
            {-3, today, 5, 2500},
        };
        for (int i = 0; i < cards.length; i++) {
          c.db().exec("insert into cards values (?, ?, ?, 0, 0, -1, 2, ?, ?, ?, ?, 1, 0, 0, 0, 0, 0, '')",
              cutoffMs - (i * 3L + 1) * 86_400_000L / 2, 100 + i / 2, i % 3 == 0 ? 1 : deck,
              cards[i][0], cards[i][1], cards[i][2], cards[i][3]);
        }
        long[] ids = {
            cutoffMs - DAYS * 86_400_000L, cutoffMs - DAYS * 86_400_000L + 1, cutoffMs - 29 * 86_400_000L,
            cutoffMs - 29 * 86_400_000L + 1, cutoffMs - 86_400_000L, cutoffMs - 86_400_000L + 1, cutoffMs - 1,
            cutoffMs, cutoffMs + 86_400_000L - 1, cutoffMs + 86_400_000L, hourZeroMs - 3_600_000L, hourZeroMs - 1,
            hourZeroMs, hourZeroMs + 1, hourZeroMs + 3_599_999L, hourZeroMs + 3_600_000L,
            cutoffMs + 20_000L * 86_400_000L, cutoffMs - 7 * 86_400_000L - 12_345,
        };
        int[][] kinds = {
            // ease, type, lastIvl, time
            {1, 0, -60, 5000}, {3, 1, 20, 7000}, {4, 1, 21, 9000}, {2, 2, 1, 60_000}, {3, 3, 5, 1000},
            {0, 4, 5, 0}, {3, 5, 5, 100}, {5, 1, 30, 2000}, {7, 2, 3, 3000}, {3, 1, 25, -5},
            {2, 0, -600, 10_000_000}, {1, 1, 2, 0},
        };
        // Each boundary with its neighbours, and a spread of entries over the period and before it.
        TreeSet<Long> entryIds = new TreeSet<>();
        for (long id : ids) {
          for (long d = -2; d <= 2; d++) entryIds.add(id + d);
        }
        for (long d = 0; d < 40; d++) entryIds.add(cutoffMs - d * 86_400_000L - d * 1_234_567L);
        List<Long> cardIds = c.db().queryLongs("select id from cards order by id");
        int n = 0;
        for (long id : entryIds) {
          int[] k = kinds[n % kinds.length];
          c.db().exec("insert into revlog values (?, ?, -1, ?, 1, ?, 2500, ?, ?)", id, cardIds.get(n % cardIds.size()),
              k[0], k[2], k[3], k[1]);
          n++;
        }
        return null;
      });
      assertThat(assertSameReport(col, true)).isGreaterThan(20);
      assertThat(assertSameReport(col, false)).isGreaterThan(20);
    }
  }

  /** Asserts the report equals the one read by section queries; returns its number of review days. */
  private static int assertSameReport(Collection col, boolean wholeCollection) {
    StatsReportData actual = col.read(c -> c.stats().report(wholeCollection));
    StatsReportData expected = col.read(c -> bySectionQueries(c, actual, wholeCollection));
    assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    assertThat(StatsReportHtml.render(actual)).isEqualTo(StatsReportHtml.render(expected));
    return actual.reviews().size();
  }

  /** The report with every section read by its own query, as the report's definitions are written. */
  private static StatsReportData bySectionQueries(Collection c, StatsReportData actual, boolean wholeCollection) {
    String cardScope = "1", revlogScope = "1";
    if (!wholeCollection) {
      var current = c.decks().getOrDefault(c.config().getLong("curDeck", 1));
      String ids = Sql.idList(c.decks().withDescendants(current).stream().map(d -> d.id()).toList());
      cardScope = "did in " + ids;
      revlogScope = "cid in (select id from cards where did in " + ids + ")";
    }
    var db = c.db();
    long cutoff = c.timing().nextDayAt();
    long today = c.timing().daysElapsed();
    long since = (cutoff - DAYS * 86_400L) * 1000;
    long rollover = c.config().getLong("rollover", 4);
    List<Forecast> forecast = db.query("select due - ?1 as day, sum(ivl < 21), sum(ivl >= 21) from cards"
        + " where queue in (2, 3) and due - ?1 between 0 and ?2 and " + cardScope + " group by day order by day",
        rs -> new Forecast(rs.getInt(1), rs.getLong(2), rs.getLong(3)), today, DAYS);
    long dueTomorrow = db.queryLong("select count() from cards where queue in (2, 3) and due = ? and " + cardScope,
        0, today + 1);
    List<ReviewDay> reviews = db.query("""
        select cast((id / 1000.0 - ?1) / 86400.0 as int) as day,
               sum(type = 0), sum(type = 1 and lastIvl < 21), sum(type = 1 and lastIvl >= 21),
               sum(type = 2), sum(type = 3), sum(time) / 1000.0
        from revlog where ease > 0 and id > ?2 and %s group by day order by day""".formatted(revlogScope),
        rs -> new ReviewDay(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
            rs.getDouble(7)), cutoff, since);
    List<Bucket> intervals = db.query("select ivl, count() from cards where queue = 2 and ivl <= ? and " + cardScope
        + " group by ivl order by ivl", rs -> new Bucket(rs.getInt(1), rs.getLong(2)), DAYS);
    IntervalSummary intervalSummary = db.queryOne("select count(), coalesce(avg(ivl), 0), coalesce(max(ivl), 0)"
        + " from cards where queue = 2 and " + cardScope,
        rs -> new IntervalSummary(rs.getLong(1), rs.getDouble(2), rs.getLong(3))).orElseThrow();
    List<Bucket> eases = db.query("select factor / 100 * 10, count() from cards where queue = 2 and " + cardScope
        + " group by 1 order by 1", rs -> new Bucket(rs.getInt(1), rs.getLong(2)));
    EaseSummary easeSummary = db.queryOne("select coalesce(min(factor), 0) / 10.0, coalesce(avg(factor), 0) / 10.0,"
        + " coalesce(max(factor), 0) / 10.0 from cards where queue = 2 and " + cardScope,
        rs -> new EaseSummary(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3))).orElseThrow();
    long[][] buttons = new long[3][4];
    db.query("""
        select (case when type in (0, 2) then 0 when lastIvl < 21 then 1 else 2 end) * 4 + ease - 1 as k, count()
        from revlog where ease between 1 and 4 and type in (0, 1, 2) and id > ? and %s group by k""".formatted(revlogScope),
        rs -> buttons[rs.getInt(1) / 4][rs.getInt(1) % 4] = rs.getLong(2), since);
    List<Hour> hours = new ArrayList<>(db.query("""
        select 23 - (cast((?1 - id / 1000) / 3600.0 as int) %% 24) as hour, count(), sum(ease > 1) * 100.0 / count()
        from revlog where ease > 0 and type in (0, 1, 2) and id > ?2 and %s group by hour order by hour"""
            .formatted(revlogScope),
        rs -> new Hour((int) ((rs.getInt(1) + rollover) % 24), rs.getLong(2), rs.getDouble(3)),
        cutoff - rollover * 3600, since));
    hours.sort(Comparator.comparingInt(Hour::hour));
    CardCounts counts = db.queryOne("""
        select coalesce(sum(queue = 2 and ivl >= 21), 0), coalesce(sum(queue in (1, 3) or (queue = 2 and ivl < 21)), 0),
               coalesce(sum(queue = 0), 0), coalesce(sum(queue < 0), 0), count(), count(distinct nid)
        from cards where %s""".formatted(cardScope),
        rs -> new CardCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
        .orElseThrow();
    return new StatsReportData(actual.title(), actual.today(), forecast, dueTomorrow, reviews, intervals,
        intervalSummary, eases, easeSummary, List.of(new Buttons("Learning", buttons[0]),
            new Buttons("Young", buttons[1]), new Buttons("Mature", buttons[2])), hours, counts, actual.added());
  }
}
