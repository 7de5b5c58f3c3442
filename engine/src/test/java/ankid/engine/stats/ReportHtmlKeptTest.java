package ankid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getCollectionStatsHTML's page is kept while the collection is unchanged and the day the same,
 * and computed again after a write or when the next day starts (every kind of write is covered by
 * {@link ReviewedByDayKeptTest}, which keeps its answer the same way).
 */
class ReportHtmlKeptTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-03-20T16:00:00Z"));
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(dir.resolve("c.anki2"), clock);
    review(clock.millis());
  }

  @AfterEach
  void close() {
    col.close();
  }

  private void review(long id) {
    col.write(c -> {
      c.revlog().add(new RevlogEntry(id, 1, -1, 3, 1, 0, 2500, 1000, 1));
      return null;
    });
  }

  private String html() {
    return col.read(c -> c.stats().reportHtml(true));
  }

  /** What the report gives when computed afresh. */
  private String computed() {
    return col.read(c -> StatsReportHtml.render(c.stats().report(true)));
  }

  @Test
  void anUnchangedCollectionGivesTheKeptPage() {
    String first = html();
    assertThat(html()).isSameAs(first).isEqualTo(computed());
  }

  @Test
  void aWriteIsSeen() {
    String before = html();
    review(clock.millis() + 1);
    assertThat(html()).isNotEqualTo(before).isEqualTo(computed());
  }

  @Test
  void theNextDayIsSeen() {
    String before = html();
    clock.advance(Duration.ofDays(1));
    assertThat(html()).isNotEqualTo(before).isEqualTo(computed());
  }
}
