package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.revlog.RevlogEntry;

/**
 * What answering a card changes (rslib/src/scheduler/answering/mod.rs, {@code answer_card_inner}):
 * the updated card row (reps, schedule, data, deck), the revlog row to insert, whether the note
 * must get the {@code leech} tag, the "studied today" increments for the card's current deck and
 * all its ancestors, and which siblings to bury.
 */
public record AnswerResult(Card card, RevlogEntry revlog, boolean leeched, Studied studied,
    BuryRules.SiblingBury siblingBury) {

  /** Increments of {@code new_studied}, {@code review_studied} and today's milliseconds. */
  public record Studied(int newCards, int reviewCards, long millis) {}
}
