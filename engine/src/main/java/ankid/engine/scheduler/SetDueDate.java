package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.revlog.RevlogEntry;

/**
 * Set due date (rslib/src/scheduler/reviews.rs, {@code set_due_date}): the card becomes a review
 * card due {@code today + days}.
 */
public final class SetDueDate {
  private SetDueDate() {}

  /**
   * @param days this card's drawn day count ({@link DueDateSpec#draw})
   * @param homePreset preset of the card's home deck (its starting ease fills a zero factor)
   * @param fsrs collection config {@code fsrs}
   * @param nowMs revlog id (the storage layer bumps duplicates)
   */
  public static ManualChange apply(Card card, int days, boolean forceReset, SchedTimingToday timing,
      DeckPreset homePreset, boolean fsrs, long nowMs) {
    long today = timing.daysElapsed();
    long newDue = today + days;
    int interval = (int) (fsrs ? fsrsInterval(card, days, newDue, timing) : sm2Interval(card, days, forceReset));
    Card c = card;
    if (c.type() == Card.TYPE_NEW) c = c.withData(c.data().withPos((long) (c.odid() != 0 ? c.odue() : c.due())));
    c = c.removedFromFilteredDeck();
    int factor = c.factor() == 0 ? (int) RustMath.roundU32(homePreset.initialEase() * 1000f) : c.factor();
    c = c.withSchedule(Card.TYPE_REVIEW, Card.QUEUE_REVIEW, (int) newDue, interval, factor,
        c.lapses(), c.left());
    MemoryState memory = c.data().memory();
    long revlogFactor = memory != null ? (long) (memory.difficultyShifted() * 1000f) : factor;
    RevlogEntry revlog = RevlogEntry.local(nowMs, card.id(), 0, interval, card.ivl(), revlogFactor, 0,
        RevlogEntry.KIND_MANUAL);
    return new ManualChange(c, revlog);
  }

  private static long sm2Interval(Card card, int days, boolean forceReset) {
    boolean keepsInterval = card.type() == Card.TYPE_REVIEW || card.type() == Card.TYPE_RELEARN;
    return forceReset || !keepsInterval ? Math.max(days, 1) : Math.max(card.ivl(), 1);
  }

  private static long fsrsInterval(Card card, int days, long newDue, SchedTimingToday timing) {
    if (card.queue() == Card.QUEUE_NEW || card.ivl() == 0) return 0;
    Long lrt = card.data().lrt();
    if (lrt != null) return SchedTimingToday.elapsedDaysSince(timing.nextDayAt(), lrt) + days;
    long oldDue = card.odid() != 0 && card.odue() != 0 ? card.odue() : card.due();
    if (oldDue > 1_000_000_000) {
      oldDue = timing.daysElapsed() + Math.floorDiv(oldDue - timing.nextDayAt(), 86_400);
    }
    return card.ivl() + (newDue - oldDue);
  }
}
