package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.proto.DecksProto;
import ankid.engine.scheduler.AnswerApplier;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SchedulingInputs;
import ankid.engine.tag.TagNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a card the way AnkiConnect's {@code answerCards} (plugin/__init__.py) drives Anki's
 * {@code answer_card} (rslib/src/scheduler/answering/mod.rs): next states from the scheduler, then
 * everything the answer changes is written in the caller's transaction — the card, its revlog row,
 * the {@code leech} tag, the decks' "studied today" counters and buried siblings.
 */
final class Answering {
  static final String LEECH = "leech";

  private final Collection col;

  Answering(Collection col) {
    this.col = col;
  }

  /**
   * Answers one card with {@code ease} 1..4 (Again … Easy) at the collection's "now".
   *
   * @return the result written, or empty when the card does not exist
   */
  Optional<AnswerResult> answer(long cardId, int ease) {
    // AnkiConnect starts the card's timer immediately before answering
    return answer(cardId, ease, 0).map(Answered::result);
  }

  /**
   * Answers one card after {@code millisTaken} on it (the reviewer's timer; the revlog keeps it
   * capped by the preset's maximum answer time), keeping what undoing it restores.
   *
   * @return what was written, or empty when the card does not exist
   */
  Optional<Answered> answer(long cardId, int ease, long millisTaken) {
    Optional<Card> found = col.cards().get(cardId);
    if (found.isEmpty()) return Optional.empty();
    Card card = found.get();
    AnswerUndo undo = AnswerUndo.before(col, card);
    SchedTimingToday timing = col.timing();
    SchedulingInputs in = new SchedulingSetup(col).inputs(card, timing);
    AnswerResult result = AnswerApplier.answer(card, ease, col.nowMillis(), Math.max(millisTaken, 0), in);
    col.cards().store().updateSchedule(result.card(), col.nowSecs());
    undo.answeredWithRevlog(col.revlog().add(result.revlog()));
    if (result.leeched()) addLeechTag(card.nid());
    recordStudied(card.did(), timing.daysElapsed(), result.studied());
    burySiblings(result.card(), result.siblingBury());
    return Optional.of(new Answered(result, undo));
  }

  /**
   * Tags a leech's note {@code leech} in its registered spelling (rslib's {@code add_leech_tag}),
   * writing only the tags column.
   */
  void addLeechTag(long noteId) {
    Optional<String> tags = col.notes().store().tagsOf(noteId);
    if (tags.isEmpty()) return;
    // add_tags_to_notes_inner registers a new tag through Tag::new, collapsed like any other.
    String joined = TagNames.join(col.tags().canonifyAndRegister(List.of(tags.get(), LEECH)));
    if (!joined.equals(tags.get())) col.notes().store().setTags(noteId, joined, col.nowSecs());
  }

  /**
   * The decks' "studied today" counters ({@code Deck.Common}, rslib/src/decks/stats.rs,
   * {@code update_deck_stats}): an answer counts in the card's current deck and in all its
   * ancestors.
   */
  private void recordStudied(long deckId, long today, AnswerResult.Studied studied) {
    Deck deck = col.decks().getOrDefault(deckId);
    List<Deck> decks = new ArrayList<>();
    decks.add(deck);
    for (String ancestor : DeckNames.humanAncestors(deck.name())) col.decks().byName(ancestor).ifPresent(decks::add);
    for (Deck d : decks) col.decks().update(d.withCommon(studied(d.common(), today, studied), col.nowSecs()));
  }

  /** The counters after an answer; counters from an earlier day are reset first. */
  static DecksProto.Deck.Common studied(DecksProto.Deck.Common c, long today, AnswerResult.Studied studied) {
    DecksProto.Deck.Common.Builder b = c.toBuilder();
    if (c.getLastDayStudied() != today) {
      b.setLastDayStudied((int) today).setNewStudied(0).setReviewStudied(0).setLearningStudied(0)
          .setMillisecondsStudied(0);
    }
    return b.setNewStudied(b.getNewStudied() + studied.newCards())
        .setReviewStudied(b.getReviewStudied() + studied.reviewCards())
        .setMillisecondsStudied((int) (b.getMillisecondsStudied() + studied.millis()))
        .build();
  }

  private void burySiblings(Card answered, BuryRules.SiblingBury rule) {
    if (!rule.any()) return;
    for (Card sibling : BuryRules.buriedSiblings(answered.id(), col.cards().ofNote(answered.nid()), rule)) {
      col.cards().store().updateSchedule(sibling, col.nowSecs());
    }
  }
}
