package ankid.engine.study;

import ankid.engine.revlog.RevlogStore;
import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.AnswerApplier;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.CardRow;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SchedulingInputs;
import java.util.Optional;

/**
 * Answers cards the way Anki's reviewer and AnkiConnect's {@code answerCards} do (scheduler doc
 * §9): next states from the scheduler, then everything the answer changes is written in the
 * caller's transaction — the card, its revlog row, the {@code leech} tag, the decks' "studied
 * today" counters and buried siblings.
 */
public final class Answering {
  private Answering() {}

  /** An answer written, and how to undo it. */
  public record Answered(AnswerResult result, AnswerUndo undo) {}

  /**
   * Answers one card with {@code ease} 1..4 (Again … Easy) at the collection's "now", as
   * AnkiConnect's answerCards does: its timer starts immediately before, so the time taken is 0.
   *
   * @return the result written, or empty when the card does not exist
   */
  public static Optional<AnswerResult> answer(Collection col, long cardId, int ease) {
    return answer(col, cardId, ease, 0).map(Answered::result);
  }

  /**
   * Answers one card after {@code millisTaken} on it (the reviewer's timer; the revlog keeps it
   * capped by the preset's maximum answer time).
   *
   * @return what was written and how to undo it, or empty when the card does not exist
   */
  public static Optional<Answered> answer(Collection col, long cardId, int ease, long millisTaken) {
    Optional<Card> found = col.cardRecords().get(cardId);
    if (found.isEmpty()) return Optional.empty();
    AnswerUndo undo = AnswerUndo.before(col, found.get());
    CardRow card = found.get().toRow();
    SchedTimingToday timing = col.timing();
    SchedulingInputs in = SchedulingSetup.inputs(col, card, timing);
    AnswerResult result = AnswerApplier.answer(card, ease, col.nowMillis(), Math.max(millisTaken, 0), in);
    long now = col.nowSecs();
    CardRows.save(col, result.card());
    undo.answeredWithRevlog(RevlogStore.add(col.db(), result.revlog()));
    if (result.leeched()) LeechTag.add(col, card.nid());
    StudiedToday.record(col, card.did(), timing.daysElapsed(), result.studied());
    burySiblings(col, result.card(), result.siblingBury(), now);
    return Optional.of(new Answered(result, undo));
  }

  private static void burySiblings(Collection col, CardRow answered, BuryRules.SiblingBury rule, long now) {
    if (!rule.any()) return;
    for (CardRow sibling : BuryRules.buriedSiblings(answered.id(), CardRows.ofNote(col, answered.nid()), rule)) {
      CardRows.save(col, sibling);
    }
  }
}
