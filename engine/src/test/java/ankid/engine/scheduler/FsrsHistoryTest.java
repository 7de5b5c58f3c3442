package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.revlog.RevlogEntry;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** FSRS memory rebuilt from a review log (rslib/src/scheduler/fsrs/memory_state.rs). */
class FsrsHistoryTest {
  private static final long NEXT_DAY_AT = 86_400L * 1000;
  private static final Fsrs FSRS = Fsrs.fromParams(List.of());

  private static RevlogEntry entry(int type, int daysAgo, int ease, long ivl, long factor) {
    long id = (NEXT_DAY_AT - daysAgo * 86_400L - 1) * 1000;
    return RevlogEntry.local(id, 1, ease, ivl, 0, factor, 0, type);
  }

  private static RevlogEntry learn(int daysAgo) {
    return entry(RevlogEntry.KIND_LEARNING, daysAgo, 3, 1, 2500);
  }

  private static RevlogEntry review(int daysAgo) {
    return entry(RevlogEntry.KIND_REVIEW, daysAgo, 3, 1, 2500);
  }

  private static List<Long> deltas(List<RevlogEntry> revlog, long ignoreBeforeMs) {
    FsrsHistory.Item item = FsrsHistory.item(revlog, NEXT_DAY_AT, ignoreBeforeMs, FSRS, 0.9f);
    if (item == null) return null;
    List<Long> out = new ArrayList<>();
    if (item.starting() != null) out.add(-1L); // marks the entry folded into the starting state
    item.reviews().forEach(r -> out.add(r.deltaDays()));
    return out;
  }

  @Test
  void completeHistories() {
    assertThat(deltas(List.of(learn(1), review(0)), 0)).containsExactly(0L, 1L);
    assertThat(deltas(List.of(learn(15), learn(13), review(10), review(5)), 0)).containsExactly(0L, 2L, 3L, 5L);
    assertThat(deltas(List.of(learn(15), learn(13)), 0)).containsExactly(0L, 2L);
    assertThat(deltas(List.of(learn(10)), 0)).containsExactly(0L);
  }

  @Test
  void crammingAndManualEntriesAreIgnored() {
    RevlogEntry cram = entry(RevlogEntry.KIND_FILTERED, 7, 3, 1, 0);
    assertThat(deltas(List.of(learn(10), review(9), cram, review(4)), 0)).containsExactly(0L, 1L, 5L);
    RevlogEntry manual = entry(RevlogEntry.KIND_MANUAL, 7, 0, 1, 100);
    assertThat(deltas(List.of(learn(10), review(9), manual, review(4)), 0)).containsExactly(0L, 1L, 5L);
  }

  @Test
  void resets() {
    RevlogEntry reset = entry(RevlogEntry.KIND_MANUAL, 7, 0, 0, 0);
    assertThat(deltas(List.of(learn(10), reset, learn(4), review(0)), 0)).containsExactly(0L, 4L);
    RevlogEntry manual = entry(RevlogEntry.KIND_MANUAL, 7, 0, 1, 100);
    assertThat(deltas(List.of(learn(10), review(9), reset, manual), 0)).isNull();
    RevlogEntry relearn = entry(RevlogEntry.KIND_RELEARNING, 0, 3, 1, 2500);
    // memory mode: incomplete history after the reset, R1 becomes the starting state
    assertThat(deltas(List.of(review(9), reset, review(1), relearn), 0)).containsExactly(-1L, 1L);
  }

  @Test
  void ignoreBefore() {
    long cutoff9 = (NEXT_DAY_AT - 9 * 86_400L) * 1000;
    RevlogEntry again = entry(RevlogEntry.KIND_REVIEW, 8, 1, -600, 2300);
    RevlogEntry relearn = entry(RevlogEntry.KIND_RELEARNING, 8, 3, 1, 2300);
    assertThat(deltas(List.of(review(10), again, relearn, review(6)), cutoff9)).containsExactly(-1L, 2L);
    long cutoff10 = (NEXT_DAY_AT - 10 * 86_400L - 1) * 1000;
    assertThat(deltas(List.of(learn(10), learn(8)), cutoff10)).containsExactly(0L, 2L);
  }

  @Test
  void startingStateFromSm2() {
    List<RevlogEntry> revlog = List.of(entry(RevlogEntry.KIND_REVIEW, 99, 3, 100, 2500), review(0));
    FsrsHistory.Item item = FsrsHistory.item(revlog, NEXT_DAY_AT, 0, FSRS, 0.9f);
    assertThat((double) item.starting().stability()).isCloseTo(100, Percentage.withPercentage(0.01));
    assertThat((double) item.starting().difficulty()).isCloseTo(5.003576, Percentage.withPercentage(0.01));
    MemoryState m = FsrsHistory.memory(item, FSRS);
    assertThat((double) m.stability()).isCloseTo(248.9251, Percentage.withPercentage(0.01));
    assertThat((double) m.difficulty()).isCloseTo(4.9938006, Percentage.withPercentage(0.01));
    FsrsHistory.Item single = FsrsHistory.item(revlog.subList(0, 1), NEXT_DAY_AT, 0, FSRS, 0.9f);
    assertThat(single.reviews()).isEmpty();
    assertThat(Math.round(FsrsHistory.memory(single, FSRS).stability())).isEqualTo(100);
  }
}
