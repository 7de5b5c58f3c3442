package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.revlog.RevlogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * "Reset / forget" (rslib/src/scheduler/new.rs, {@code reschedule_cards_as_new}): cards become new
 * again, optionally at their old position.
 */
public final class ForgetCards {
  private ForgetCards() {}

  /** Changed cards (with a revlog row each when logging) and the collection's next {@code nextPos}. */
  public record Result(List<ManualChange> changes, long nextPos) {}

  /**
   * @param nextPos collection config {@code nextPos}
   * @param nowMs revlog id for every row (the storage layer bumps duplicates)
   */
  public static Result forget(List<Card> cards, long nextPos, boolean restorePosition,
      boolean resetCounts, boolean log, long nowMs) {
    List<ManualChange> out = new ArrayList<>();
    long next = nextPos;
    for (Card card : cards) {
      Long last = restorePosition ? lastPosition(card) : null;
      long position = last != null ? last : next++;
      Card c = card.removedFromFilteredDeck()
          .withSchedule(Card.TYPE_NEW, Card.QUEUE_NEW, (int) position, 0, 0, card.lapses(), card.left())
          .withData(card.data().withPos(null).withMemory(null));
      if (resetCounts) c = c.withCounts(0, 0);
      RevlogEntry revlog = log ? RevlogEntry.local(nowMs, card.id(), 0, 0, card.ivl(), 0, 0, RevlogEntry.KIND_MANUAL) : null;
      out.add(new ManualChange(c, revlog));
    }
    return new Result(out, next);
  }

  /** A new card's current position (odue in a filtered deck), else the remembered {@code pos}. */
  public static Long lastPosition(Card card) {
    if (card.type() == Card.TYPE_NEW) return (long) (card.odid() != 0 ? card.odue() : card.due());
    return card.data().pos();
  }

  /**
   * AnkiConnect's {@code relearnCards} (plugin/__init__.py): raw type/queue change, nothing else.
   */
  public static Card relearn(Card card) {
    return card.withSchedule(Card.TYPE_RELEARN, Card.QUEUE_LEARN, card.due(), card.ivl(),
        card.factor(), card.lapses(), card.left());
  }
}
