package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.BuryRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The scheduler wired to the collection (rslib/src/scheduler/): answering, suspending, forgetting,
 * relearning and due dates, and the answer buttons' labels. Each call writes in the caller's
 * transaction; unknown card ids are skipped, as Anki's bulk card operations do.
 */
public final class Scheduling {
  private final Collection col;

  public Scheduling(Collection col) {
    this.col = col;
  }

  /**
   * Answers one card with {@code ease} 1..4 (Again … Easy) at the collection's "now".
   *
   * @return the result written, or empty when the card does not exist
   */
  public Optional<AnswerResult> answer(long cardId, int ease) {
    return new Answering(col).answer(cardId, ease);
  }

  /**
   * Answers one card as the reviewer does: after {@code millisTaken} on it (its answer timer), and
   * undoably.
   *
   * @return what was written and how to undo it, or empty when the card does not exist
   */
  public Optional<Answered> answer(long cardId, int ease, long millisTaken) {
    return new Answering(col).answer(cardId, ease, millisTaken);
  }

  /**
   * The first use of a new day restores yesterday's buried cards, not marking them modified
   * (rslib/src/scheduler/bury_and_suspend.rs, {@code unbury_if_day_rolled_over}); {@code
   * lastUnburied} records the day. Writes nothing when today was already handled.
   */
  public void unburyIfDayRolledOver() {
    long today = col.timing().daysElapsed();
    if (!BuryRules.needsAutomaticUnbury(col.config().getLong("lastUnburied", 0), today)) return;
    for (Card c : BuryRules.unbury(col.cards().store().buried(), false, false)) {
      col.cards().store().setTypeAndQueue(c.id(), c.type(), c.queue());
    }
    col.config().set("lastUnburied", today);
  }

  /**
   * Suspends the known cards among {@code ids}; already suspended ones are left untouched
   * (rslib/src/scheduler/bury_and_suspend.rs, {@code bury_or_suspend_cards}).
   */
  public void suspend(List<Long> ids) {
    saveQueues(BuryRules.suspend(existing(ids)));
  }

  /**
   * "Restore buried and suspended cards" (rslib/src/scheduler/bury_and_suspend.rs,
   * {@code unbury_or_unsuspend_cards}): suspended and buried cards go back to the queue their type
   * implies. This is what unsuspending does, so it also unburies.
   */
  public void unsuspendAndUnbury(List<Long> ids) {
    List<Card> cards = existing(ids);
    List<Card> changed = new ArrayList<>(BuryRules.unsuspend(cards));
    changed.addAll(BuryRules.unbury(cards, false, false));
    saveQueues(changed);
  }

  private List<Card> existing(List<Long> ids) {
    List<Card> out = new ArrayList<>();
    for (long id : new LinkedHashSet<>(ids)) col.cards().get(id).ifPresent(out::add);
    return out;
  }

  private void saveQueues(List<Card> changed) {
    for (Card c : changed) col.cards().store().setQueue(c.id(), c.queue(), col.nowSecs());
  }

  /**
   * "Reset to new" as AnkiConnect's {@code forgetCards} asks for it (rslib/src/scheduler/new.rs,
   * {@code reschedule_cards_as_new}): logged, position restored, counts kept; the collection's
   * {@code nextPos} advances for cards without a position.
   */
  public void forget(List<Long> cardIds) {
    new ManualScheduling(col).forget(cardIds);
  }

  /**
   * AnkiConnect's {@code relearnCards} (plugin/__init__.py): a raw {@code type=3, queue=1} update
   * that leaves {@code mod} and {@code usn} alone, so the change is not synced.
   */
  public void relearn(List<Long> cardIds) {
    new ManualScheduling(col).relearn(cardIds);
  }

  /**
   * Set due date (rslib/src/scheduler/reviews.rs, {@code set_due_date}); {@code days} is Anki's
   * syntax ({@code 0}, {@code 3-7}, {@code 1!}).
   */
  public void setDueDate(List<Long> cardIds, String days, RandomGenerator random) {
    new ManualScheduling(col).setDueDate(cardIds, days, random);
  }

  /**
   * The answer buttons' labels of cards, as {@code describe_next_states(get_scheduling_states(cid))}
   * gives them (rslib/src/scheduler/answering/mod.rs). Make one per request: it reads "today" and
   * caches presets.
   */
  public NextReviews nextReviews() {
    return new NextReviews(col);
  }
}
