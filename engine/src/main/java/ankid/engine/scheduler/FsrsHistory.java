package ankid.engine.scheduler;

import ankid.engine.revlog.RevlogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a card's FSRS memory from its review log (rslib/src/scheduler/fsrs/memory_state.rs,
 * {@code fsrs_items_for_memory_states}), for cards answered before FSRS was enabled or whose stored
 * memory is missing.
 */
public final class FsrsHistory {
  private FsrsHistory() {}

  /** One graded review: rating 1..4 and days since the previous kept review. */
  public record Review(int rating, long deltaDays) {}

  /**
   * Reviews to replay; when the history is incomplete, {@code starting} holds the SM-2 derived
   * state of the first kept entry, which {@code reviews} then no longer contains.
   */
  public record Item(List<Review> reviews, MemoryState starting) {}

  /**
   * @param revlog the card's entries in ascending id order
   * @param nextDayAt {@link SchedTimingToday#nextDayAt()}
   * @param ignoreBeforeMs preset "ignore reviews before" as epoch ms (0 = none)
   * @return null when no usable history exists
   */
  public static Item item(List<RevlogEntry> revlog, long nextDayAt, long ignoreBeforeMs, Fsrs fsrs,
      float historicalRetention) {
    Integer firstLearn = null;
    Integer firstGraded = null;
    boolean complete = false;
    for (int i = revlog.size() - 1; i >= 0; i--) {
      RevlogEntry e = revlog.get(i);
      if (isCramming(e)) continue;
      if (e.ease() >= 1 && e.id() >= ignoreBeforeMs && (e.ivl() >= 1 || e.ivl() <= -86_400)) firstGraded = i;
      if (e.type() == RevlogEntry.KIND_LEARNING && e.ease() >= 1) {
        firstLearn = i;
        complete = true;
      } else if (firstLearn != null) {
        break;
      } else if (isReset(e)) {
        if (firstGraded == null) return null;
        complete = false;
        break;
      }
    }
    if (firstLearn != null && revlog.get(firstLearn).id() < ignoreBeforeMs && firstLearn < revlog.size() - 1) {
      complete = false;
    }
    Integer start = complete ? firstLearn : firstGraded;
    if (start == null) return null;
    List<RevlogEntry> kept = new ArrayList<>();
    for (RevlogEntry e : revlog.subList(start, revlog.size())) {
      if (e.ease() > 0 && !isCramming(e) && e.type() != RevlogEntry.KIND_MANUAL
          && e.type() != RevlogEntry.KIND_RESCHEDULED) {
        kept.add(e);
      }
    }
    if (kept.isEmpty()) return null;
    List<Review> reviews = new ArrayList<>();
    long previousDaysAgo = daysAgo(kept.get(0), nextDayAt);
    for (RevlogEntry e : kept) {
      long daysAgo = daysAgo(e, nextDayAt);
      reviews.add(new Review(e.ease(), previousDaysAgo - daysAgo));
      previousDaysAgo = daysAgo;
    }
    if (complete) return new Item(reviews, null);
    RevlogEntry first = kept.get(0);
    return new Item(reviews.subList(1, reviews.size()), startingState(first, fsrs, historicalRetention));
  }

  /** The memory state after replaying an item. */
  public static MemoryState memory(Item item, Fsrs fsrs) {
    MemoryState m = item.starting();
    for (Review r : item.reviews()) m = fsrs.step(m, r.deltaDays(), r.rating());
    return m;
  }

  private static MemoryState startingState(RevlogEntry first, Fsrs fsrs, float historicalRetention) {
    float factor = first.factor() == 0 ? 2.5f : first.factor() / 1000f;
    float ivl = Math.max(first.ivl(), 1);
    MemoryState fromSm2 = fsrs.memoryFromSm2(factor, ivl, historicalRetention);
    if (factor > 1.1f) return fromSm2;
    // an FSRS entry stores the shifted difficulty instead of an ease
    return new MemoryState(fromSm2.stability(), (factor - 0.1f) * 9f + 1f);
  }

  private static long daysAgo(RevlogEntry e, long nextDayAt) {
    return Math.max(nextDayAt - e.id() / 1000, 0) / 86_400;
  }

  private static boolean isCramming(RevlogEntry e) {
    return e.type() == RevlogEntry.KIND_FILTERED && e.factor() == 0;
  }

  private static boolean isReset(RevlogEntry e) {
    return (e.type() == RevlogEntry.KIND_MANUAL || e.type() == RevlogEntry.KIND_RESCHEDULED) && e.factor() == 0;
  }
}
