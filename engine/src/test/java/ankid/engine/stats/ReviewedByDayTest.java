package ankid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.stats.Stats.DayCount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getNumCardsReviewedByDay's days: AnkiConnect's {@code strftime('%Y-%m-%d', datetime(id/1000 -
 * shift, 'unixepoch', 'localtime'))}, here in a zone with daylight saving time (the US switched on
 * 8 March 2026) and the default rollover at 4:00, so the shift is 4 hours.
 */
class ReviewedByDayTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T16:00:00Z"), ZONE);
  private static final long SHIFT_SECS = 4 * 3600;
  @TempDir Path dir;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(dir.resolve("c.anki2"), CLOCK);
  }

  @AfterEach
  void close() {
    col.close();
  }

  private void review(long... ids) {
    col.write(c -> {
      for (long id : ids) c.revlog().add(new RevlogEntry(id, 1, -1, 3, 1, 0, 2500, 1000, 1));
      return null;
    });
  }

  private List<DayCount> byDay() {
    return col.read(c -> c.stats().reviewedByDay());
  }

  private static long at(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
  }

  /** What AnkiConnect's SQL gives, entry by entry. */
  private static List<DayCount> expected(long... ids) {
    Map<LocalDate, Long> days = new TreeMap<>();
    for (long id : ids) days.merge(LocalDate.ofInstant(Instant.ofEpochSecond(id / 1000 - SHIFT_SECS), ZONE), 1L, Long::sum);
    return ((TreeMap<LocalDate, Long>) days).descendingMap().entrySet().stream()
        .map(e -> new DayCount(e.getKey(), e.getValue())).collect(Collectors.toList());
  }

  @Test
  void noReviewsNoDays() {
    assertThat(byDay()).isEmpty();
  }

  @Test
  void anEntryBeforeTheRolloverBelongsToThePreviousDay() {
    review(at("2026-03-12T03:59:59.999"), at("2026-03-12T04:00:00"), at("2026-03-12T23:00:00"));
    assertThat(byDay()).containsExactly(
        new DayCount(LocalDate.parse("2026-03-12"), 2), new DayCount(LocalDate.parse("2026-03-11"), 1));
  }

  @Test
  void daysWithoutEntriesAreLeftOut() {
    review(at("2026-03-01T12:00:00"), at("2026-03-15T12:00:00"));
    assertThat(byDay()).extracting(DayCount::day)
        .containsExactly(LocalDate.parse("2026-03-15"), LocalDate.parse("2026-03-01"));
  }

  @Test
  void entriesAcrossTheDaylightSavingSwitchLandOnTheirLocalDays() {
    SplittableRandom random = new SplittableRandom(7);
    long from = at("2026-02-20T00:00:00");
    long[] ids = new long[3000];
    for (int i = 0; i < ids.length; i++) ids[i] = from + random.nextLong(30L * 86_400_000);
    ids = java.util.Arrays.stream(ids).distinct().toArray();
    review(ids);
    assertThat(byDay()).isEqualTo(expected(ids));
  }

  @Test
  void aBogusFarIdIsCountedToo() {
    long bogus = 4_000_000_000_000_000L;
    review(at("2026-03-12T12:00:00"), bogus);
    assertThat(byDay()).isEqualTo(expected(at("2026-03-12T12:00:00"), bogus));
  }
}
