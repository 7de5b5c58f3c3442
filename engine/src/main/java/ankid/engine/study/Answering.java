package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.AnswerApplier;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SchedulingInputs;
import java.util.Optional;

/**
 * Answers cards the way AnkiConnect's {@code answerCards} drives Anki (scheduler doc §9): next
 * states from the scheduler, then everything the answer changes is written in the caller's
 * transaction — the card, its revlog row, the {@code leech} tag, the decks' "studied today"
 * counters and buried siblings.
 */
public final class Answering {
  private Answering() {}

  /**
   * Answers one card with {@code ease} 1..4 (Again … Easy) at the collection's "now".
   *
   * @return the result written, or empty when the card does not exist
   */
  public static Optional<AnswerResult> answer(Collection col, long cardId, int ease) {
    Optional<Card> found = col.cards().get(cardId);
    if (found.isEmpty()) return Optional.empty();
    Card card = found.get();
    SchedTimingToday timing = col.timing();
    SchedulingInputs in = SchedulingSetup.inputs(col, card, timing);
    // AnkiConnect starts the card's timer immediately before answering
    AnswerResult result = AnswerApplier.answer(card, ease, col.nowMillis(), 0, in);
    long now = col.nowSecs();
    col.cards().store().updateSchedule(result.card(), col.nowSecs());
    col.revlog().add(result.revlog());
    if (result.leeched()) LeechTag.add(col, card.nid());
    StudiedToday.record(col, card.did(), timing.daysElapsed(), result.studied());
    burySiblings(col, result.card(), result.siblingBury(), now);
    return Optional.of(result);
  }

  private static void burySiblings(Collection col, Card answered, BuryRules.SiblingBury rule, long now) {
    if (!rule.any()) return;
    for (Card sibling : BuryRules.buriedSiblings(answered.id(), col.cards().ofNote(answered.nid()), rule)) {
      col.cards().store().updateSchedule(sibling, col.nowSecs());
    }
  }
}
