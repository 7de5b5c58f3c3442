package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.DueDateSpec;
import ankid.engine.scheduler.ForgetCards;
import ankid.engine.scheduler.ManualChange;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SetDueDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The scheduling changes a user makes by hand: forget (reset to new), AnkiConnect's raw
 * relearn, and set due date — each written in the caller's transaction. Unknown card ids are
 * skipped, as Anki's bulk card operations do.
 */
public final class ManualScheduling {
  private ManualScheduling() {}

  /**
   * "Reset to new" as AnkiConnect calls it (scheduler doc §16.1): logged, position restored,
   * counts kept; the collection's {@code nextPos} advances for cards without a position.
   */
  public static void forget(Collection col, List<Long> cardIds) {
    List<Card> cards = load(col, cardIds);
    long nextPos = col.config().getLong("nextPos", 1);
    ForgetCards.Result result = ForgetCards.forget(cards, nextPos, true, false, true, col.nowMillis());
    write(col, result.changes());
    if (result.nextPos() != nextPos) col.config().set("nextPos", result.nextPos());
  }

  /**
   * AnkiConnect's {@code relearnCards}: a raw {@code type=3, queue=1} update that leaves
   * {@code mod} and {@code usn} alone, so the change is not synced (§16.3).
   */
  public static void relearn(Collection col, List<Long> cardIds) {
    for (long id : cardIds) {
      col.cards().store().setTypeAndQueue(id, Card.TYPE_RELEARN, Card.QUEUE_LEARN);
    }
  }

  /** Set due date (§15); {@code days} is Anki's syntax ({@code 0}, {@code 3-7}, {@code 1!}). */
  public static void setDueDate(Collection col, List<Long> cardIds, String days, RandomGenerator random) {
    DueDateSpec spec = DueDateSpec.parse(days);
    SchedTimingToday timing = col.timing();
    boolean fsrs = SchedulingSetup.fsrsEnabled(col);
    List<ManualChange> changes = new ArrayList<>();
    for (Card card : load(col, cardIds)) {
      changes.add(SetDueDate.apply(card, spec.draw(random), spec.forceReset(), timing,
          SchedulingSetup.homePreset(col, card), fsrs, col.nowMillis()));
    }
    write(col, changes);
  }

  private static List<Card> load(Collection col, List<Long> cardIds) {
    List<Card> cards = new ArrayList<>();
    for (long id : cardIds) {
      Optional<Card> c = col.cards().get(id);
      c.ifPresent(cards::add);
    }
    return cards;
  }

  private static void write(Collection col, List<ManualChange> changes) {
    for (ManualChange change : changes) {
      col.cards().store().updateSchedule(change.card(), col.nowSecs());
      if (change.revlog() != null) col.revlog().add(change.revlog());
    }
  }
}
