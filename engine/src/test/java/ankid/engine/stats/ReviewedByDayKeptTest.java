package ankid.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.packages.ExportOptions;
import ankid.engine.packages.ImportOptions;
import ankid.engine.packages.Packages;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.stats.Stats.DayCount;
import ankid.engine.study.StudyQueues;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getNumCardsReviewedByDay's answer is kept between calls while the collection is unchanged, and
 * every kind of change is seen: a write, an answer and its undo, an import, a replaced file (a full
 * sync), and nothing of a write that rolled back. A normal sync: {@code sync/ReviewedByDayAfterSyncTest}.
 */
class ReviewedByDayKeptTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T16:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate TODAY = LocalDate.parse("2026-03-20");
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

  private static List<DayCount> byDay(Collection col) {
    return col.read(c -> c.stats().reviewedByDay());
  }

  private static void review(Collection col, long id) {
    col.write(c -> {
      c.revlog().add(new RevlogEntry(id, 1, -1, 3, 1, 0, 2500, 1000, 1));
      return null;
    });
  }

  private static long addNote(Collection col) {
    return col.write(c -> c.notes().add(
        c.notes().draft(c.notetypes().byName("Basic").orElseThrow(), List.of("front", "back"), List.of()), 1L)).id();
  }

  /** A card of a new note answered through the study queues: a revlog entry now. */
  private static StudyQueues answerOne(Collection col) {
    addNote(col);
    StudyQueues study = new StudyQueues(1);
    long card = study.next(col).orElseThrow().card().id();
    study.answer(col, card, 3, 1000).orElseThrow();
    return study;
  }

  @Test
  void anUnchangedCollectionGivesTheKeptAnswer() {
    review(col, CLOCK.millis());
    List<DayCount> first = byDay(col);
    assertThat(byDay(col)).isSameAs(first);
  }

  @Test
  void aWriteIsSeen() {
    review(col, CLOCK.millis());
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 1));
    review(col, CLOCK.millis() + 1);
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 2));
  }

  @Test
  void aRolledBackWriteLeavesNothingBehind() {
    assertThat(byDay(col)).isEmpty();
    assertThatThrownBy(() -> col.write(c -> {
      c.revlog().add(new RevlogEntry(CLOCK.millis(), 1, -1, 3, 1, 0, 2500, 1000, 1));
      assertThat(c.stats().reviewedByDay()).containsExactly(new DayCount(TODAY, 1));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThat(byDay(col)).isEmpty();
  }

  @Test
  void anAnswerAndItsUndoAreSeen() {
    StudyQueues study = answerOne(col);
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 1));
    assertThat(study.undo(col)).isPresent();
    assertThat(byDay(col)).isEmpty();
  }

  @Test
  void anImportIsSeen() {
    Path apkg = dir.resolve("reviewed.apkg");
    try (Collection other = Collection.open(dir.resolve("other/c.anki2"), CLOCK)) {
      answerOne(other);
      Packages.exportApkg(other, apkg, new ExportOptions(null, true, false, false, false), Progress.NONE);
    }
    assertThat(byDay(col)).isEmpty();
    Packages.importApkg(col, apkg, ImportOptions.DEFAULTS.withScheduling(true), Progress.NONE);
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 1));
  }

  @Test
  void aReplacedFileIsSeen() {
    Path replacement = dir.resolve("replacement.anki2");
    try (Collection other = Collection.open(dir.resolve("other/c.anki2"), CLOCK)) {
      review(other, CLOCK.millis());
      review(other, CLOCK.millis() + 1);
      other.copyTo(replacement);
    }
    review(col, CLOCK.millis());
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 1));
    col.replaceFile(replacement);
    assertThat(byDay(col)).containsExactly(new DayCount(TODAY, 2));
  }
}
