package ankid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's answer buttons (anki/stats.py, CollectionStats._eases): learning and relearning
 * entries, young reviews (last interval under 21 days) and mature ones, by ease, in the last month.
 */
class ReportButtonsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC);
  private static final long DAY_MS = 86_400_000L;
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

  /** One entry {@code daysAgo} days back: ease, last interval, revlog type. */
  private void entry(int n, long daysAgo, int ease, int lastIvl, int type) {
    col.write(c -> c.db().exec("insert into revlog values (?, 1, -1, ?, 1, ?, 2500, 1000, ?)",
        CLOCK.millis() - daysAgo * DAY_MS - n, ease, lastIvl, type));
  }

  @Test
  void entriesAreCountedByGroupAndEase() {
    entry(1, 1, 1, -60, 0);
    entry(2, 2, 3, -600, 0);
    entry(3, 2, 3, 1, 2);
    entry(4, 3, 2, 5, 1);
    entry(5, 3, 2, 20, 1);
    entry(6, 4, 4, 21, 1);
    entry(7, 5, 1, 90, 1);
    // not counted: before the month, a filtered (cramming) entry, a manual entry with ease 0
    entry(8, 40, 3, 5, 1);
    entry(9, 1, 3, 5, 3);
    entry(10, 1, 0, 5, 4);
    List<StatsReportData.Buttons> buttons = col.read(c -> c.stats().report(true)).buttons();
    assertThat(buttons).extracting(StatsReportData.Buttons::group).containsExactly("Learning", "Young", "Mature");
    assertThat(buttons.get(0).counts()).containsExactly(1, 0, 2, 0);
    assertThat(buttons.get(1).counts()).containsExactly(0, 2, 0, 0);
    assertThat(buttons.get(2).counts()).containsExactly(1, 0, 0, 1);
  }
}
