package ankid.engine.scheduler.queue;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config.NewCardSortOrder;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config.ReviewMix;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.util.FnvHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cards a queue builder gathered, and how they become queues (rslib
 * {@code scheduler/queue/builder/mod.rs}, {@code build}; {@code sorting.rs}): new cards sorted by
 * the preset's new card order, learning cards by reps then due, and the main queue merged by the
 * preset's two "mix" settings.
 */
public final class GatheredCards {
  private GatheredCards() {}

  /** A review, interday or intraday learning card; {@code due} is a day or a unix time. */
  public record Due(long id, long nid, long due, long mtime, long did, long odid, int reps) {
    public long homeDeckId() {
      return odid != 0 ? odid : did;
    }
  }

  public record New(long id, long nid, int ord, long mtime, long did, long odid) {
    public long homeDeckId() {
      return odid != 0 ? odid : did;
    }
  }

  public static CardQueues queues(List<Due> learning, List<Due> dayLearning, List<Due> review, List<New> fresh,
      NewCardSortOrder newOrder, ReviewMix dayLearnMix, ReviewMix newMix, SchedTimingToday timing,
      long learnAheadSecs) {
    List<New> sortedNew = sortNew(fresh, newOrder, timing.daysElapsed());
    List<QueueEntry.Learning> intraday = new ArrayList<>();
    for (Due d : learning) intraday.add(new QueueEntry.Learning(d.due(), d.id(), d.mtime(), d.reps()));
    intraday.sort(QueueEntry.Learning::compareByRepsThenDue);
    long cutoff = timing.now() + learnAheadSecs;
    int learnCount = (int) intraday.stream().filter(e -> e.due() <= cutoff).count() + dayLearning.size();
    var counts = new CardQueues.Counts(sortedNew.size(), learnCount, review.size());

    List<QueueEntry.Main> reviews = main(review, QueueEntry.MainKind.REVIEW);
    List<QueueEntry.Main> interday = main(dayLearning, QueueEntry.MainKind.INTERDAY_LEARNING);
    List<QueueEntry.Main> withInterday = switch (dayLearnMix) {
      case REVIEW_MIX_AFTER_REVIEWS -> concat(reviews, interday);
      case REVIEW_MIX_BEFORE_REVIEWS -> concat(interday, reviews);
      default -> Intersperser.merge(reviews, interday);
    };
    List<QueueEntry.Main> news = new ArrayList<>();
    for (New n : sortedNew) news.add(new QueueEntry.Main(n.id(), n.mtime(), QueueEntry.MainKind.NEW));
    List<QueueEntry.Main> main = switch (newMix) {
      case REVIEW_MIX_BEFORE_REVIEWS -> concat(news, withInterday);
      case REVIEW_MIX_AFTER_REVIEWS -> concat(withInterday, news);
      default -> Intersperser.merge(withInterday, news);
    };
    return new CardQueues(counts, main, intraday, learnAheadSecs, timing.daysElapsed(), timing.now());
  }

  /** The preset's display order for gathered new cards; the random orders are stable within a day. */
  static List<New> sortNew(List<New> cards, NewCardSortOrder order, long salt) {
    List<New> out = new ArrayList<>(cards);
    Comparator<New> byTemplate = Comparator.comparingInt(New::ord);
    Comparator<New> byIdHash = (a, b) -> Long.compareUnsigned(FnvHash.of(a.id(), salt), FnvHash.of(b.id(), salt));
    Comparator<New> byNoteHash = (a, b) -> Long.compareUnsigned(FnvHash.of(a.nid(), salt), FnvHash.of(b.nid(), salt));
    switch (order) {
      case NEW_CARD_SORT_ORDER_TEMPLATE -> out.sort(byTemplate);
      case NEW_CARD_SORT_ORDER_TEMPLATE_THEN_RANDOM -> out.sort(byTemplate.thenComparing(byIdHash));
      case NEW_CARD_SORT_ORDER_RANDOM_NOTE_THEN_TEMPLATE -> out.sort(byNoteHash.thenComparing(byTemplate));
      case NEW_CARD_SORT_ORDER_RANDOM_CARD -> out.sort(byIdHash);
      default -> { }
    }
    return out;
  }

  private static List<QueueEntry.Main> main(List<Due> cards, QueueEntry.MainKind kind) {
    List<QueueEntry.Main> out = new ArrayList<>();
    for (Due d : cards) out.add(new QueueEntry.Main(d.id(), d.mtime(), kind));
    return out;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
