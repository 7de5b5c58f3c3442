package ankid.engine.stats;

import ankid.engine.Collection;
import ankid.engine.card.CardStore;
import ankid.engine.deck.Deck;
import ankid.engine.revlog.RevlogStore;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.stats.StatsReportData.Buttons;
import ankid.engine.stats.StatsReportData.CardCounts;
import ankid.engine.stats.StatsReportData.Hour;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Statistics over the review log and cards: AnkiConnect's counts and Anki's legacy report. */
public final class Stats {
  /** About 130 years of days: more ranges than a real review log spans. */
  private static final long MAX_DAY_RANGES = 50_000;

  private final Collection col;
  private final KeptAnswer<List<DayCount>> reviewedByDay = new KeptAnswer<>();
  private final KeptAnswer<String> reportHtml = new KeptAnswer<>();

  public Stats(Collection col) {
    this.col = col;
  }

  /** A calendar day (rollover-shifted, local time) and its number of revlog entries. */
  public record DayCount(LocalDate day, long count) {}

  /** Revlog entries (not distinct cards) since the start of today's Anki day. */
  public long reviewedToday() {
    return col.revlog().countAfter((col.timing().nextDayAt() - 86_400) * 1000);
  }

  /**
   * Entries per day, newest first. As AnkiConnect's {@code getNumCardsReviewedByDay}
   * (plugin/__init__.py): each entry's second (integer division of its id) moved back by the local
   * hour of the next day cutoff, then taken as a local date.
   */
  public List<DayCount> reviewedByDay() {
    ZoneId zone = col.clock().getZone();
    long shift = ZonedDateTime.ofInstant(Instant.ofEpochSecond(col.timing().nextDayAt()), zone).getHour() * 3600L;
    // Counting walks every entry (some 20 ms per million even in the sqlite3 shell), while clients
    // poll this for charts: the answer is kept until the collection changes or the cutoff hour moves.
    return reviewedByDay.get(col, List.of(zone, shift), () -> List.copyOf(reviewedByDay(zone, shift)));
  }

  private List<DayCount> reviewedByDay(ZoneId zone, long shift) {
    long[] span = col.revlog().idSpan();
    if (span == null) return List.of();
    // Each local day is a range of ids: from the day's start (plus the shift) up to the next day's.
    LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(span[0], 1000) - shift), zone);
    LocalDate last = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(span[1], 1000) - shift), zone);
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    // SQLite's id / 1000 rounds towards zero, not down as the ranges do, for ids before 1970; and
    // ids far apart (a bogus one) would make too many ranges. Both are counted entry by entry.
    if (span[0] < 0 || days > MAX_DAY_RANGES) return reviewedByDayOneByOne(zone, shift);
    int dayCount = (int) days;
    long[] bounds = new long[dayCount + 1];
    for (int i = 0; i <= dayCount; i++) {
      bounds[i] = (first.plusDays(i).atStartOfDay(zone).toEpochSecond() + shift) * 1000;
    }
    long[] counts = col.revlog().countsBetween(bounds);
    List<DayCount> out = new ArrayList<>();
    for (int i = dayCount - 1; i >= 0; i--) {
      if (counts[i] > 0) out.add(new DayCount(first.plusDays(i), counts[i]));
    }
    return out;
  }

  private List<DayCount> reviewedByDayOneByOne(ZoneId zone, long shift) {
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    for (long second : col.revlog().allSeconds()) {
      days.merge(LocalDate.ofInstant(Instant.ofEpochSecond(second - shift), zone), 1L, Long::sum);
    }
    List<DayCount> out = new ArrayList<>();
    days.descendingMap().forEach((d, n) -> out.add(new DayCount(d, n)));
    return out;
  }

  /** The legacy report of the whole collection, or of the current deck and its subdecks. */
  public StatsReportData report(boolean wholeCollection) {
    StatsScope scope = scope(wholeCollection);
    SchedTimingToday timing = col.timing();
    CardStore cards = col.cards().store();
    RevlogStore revlog = col.revlog();
    List<Long> decks = scope.deckIds();
    long cutoff = timing.nextDayAt();
    long today = timing.daysElapsed();
    long periodStartMs = (cutoff - StatsReportData.DAYS * 86_400L) * 1000;
    ReviewCardTally reviewCards = new ReviewCardTally(today, StatsReportData.DAYS);
    cards.forEachStatsCard(decks, reviewCards::add);
    long rollover = col.config().getLong("rollover", 4);
    PeriodReviewTally period = new PeriodReviewTally(cutoff, cutoff - rollover * 3600);
    revlog.forEachStatsEntry(decks, periodStartMs, period::add);
    long[] counts = cards.statsCardCounts(decks);
    return new StatsReportData(scope.title(),
        revlog.statsToday(decks, (cutoff - 86_400) * 1000),
        reviewCards.forecast(),
        reviewCards.dueTomorrow(),
        period.reviewDays(),
        reviewCards.intervals(),
        reviewCards.intervalSummary(),
        reviewCards.eases(),
        reviewCards.easeSummary(),
        buttons(period.buttons()),
        hours(period.hours(), rollover),
        new CardCounts(reviewCards.mature(), reviewCards.youngAndInterdayLearning() + counts[3], counts[1],
            counts[2], counts[0], counts[4]),
        cards.statsAdded(decks, cutoff, periodStartMs));
  }

  /** {@link #report} as the HTML page {@code getCollectionStatsHTML} returns. */
  public String reportHtml(boolean wholeCollection) {
    // A pass over every review card and the period's reviews: kept until the collection changes
    // or a new day starts (everything else the report reads is in the collection).
    SchedTimingToday timing = col.timing();
    return reportHtml.get(col, List.of(wholeCollection, timing.nextDayAt(), timing.daysElapsed()),
        () -> StatsReportHtml.render(report(wholeCollection)));
  }

  private StatsScope scope(boolean wholeCollection) {
    if (wholeCollection) return new StatsScope("Collection", null);
    Deck current = col.decks().getOrDefault(col.config().getLong("curDeck", Deck.DEFAULT_ID));
    return new StatsScope(current.name(), col.decks().withDescendants(current).stream().map(Deck::id).toList());
  }

  private static List<Buttons> buttons(long[][] counts) {
    return List.of(new Buttons("Learning", counts[0]), new Buttons("Young", counts[1]),
        new Buttons("Mature", counts[2]));
  }

  /** Hours count from the rollover hour, so one Anki day maps onto 0..23 once. */
  private static List<Hour> hours(List<Hour> fromHourZero, long rollover) {
    List<Hour> out = new ArrayList<>();
    for (Hour h : fromHourZero) {
      out.add(new Hour((int) ((h.hour() + rollover) % 24), h.count(), h.correctPercent()));
    }
    out.sort(Comparator.comparingInt(Hour::hour));
    return out;
  }
}
