package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.scheduler.AnswerApplier;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.CardRow;
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
    Optional<CardRow> found = CardRows.get(col, cardId);
    if (found.isEmpty()) return Optional.empty();
    CardRow card = found.get();
    SchedTimingToday timing = col.timing();
    SchedulingInputs in = SchedulingSetup.inputs(col, card, timing);
    // AnkiConnect starts the card's timer immediately before answering
    AnswerResult result = AnswerApplier.answer(card, ease, col.nowMillis(), 0, in);
    long now = col.nowSecs();
    CardRows.save(col, result.card());
    col.revlog().add(result.revlog());
    if (result.leeched()) LeechTag.add(col, card.nid());
    StudiedToday.record(col, card.did(), timing.daysElapsed(), result.studied());
    burySiblings(col, result.card(), result.siblingBury(), now);
    return Optional.of(result);
  }

  private static void burySiblings(Collection col, CardRow answered, BuryRules.SiblingBury rule, long now) {
    if (!rule.any()) return;
    for (CardRow sibling : BuryRules.buriedSiblings(answered.id(), CardRows.ofNote(col, answered.nid()), rule)) {
      CardRows.save(col, sibling);
    }
  }
}
