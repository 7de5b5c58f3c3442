package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.note.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an answer changed, kept so the reviewer's Undo can put it all back (rslib
 * {@code undo/}, the changes of {@code Op::AnswerCard}): the note's cards (the answered card and
 * any buried siblings), the note (a {@code leech} tag), the decks whose "studied today" counters
 * moved, the {@code leech} tag's registration, and the revlog row to delete. Rows are restored
 * exactly as they were, so a collection nobody touched in between is back to its earlier state.
 */
public final class AnswerUndo {
  private final List<Card> cards;
  private final Note note;
  private final List<Deck> decks;
  private final boolean leechRegistered;
  private long revlogId;

  private AnswerUndo(List<Card> cards, Note note, List<Deck> decks, boolean leechRegistered) {
    this.cards = List.copyOf(cards);
    this.note = note;
    this.decks = List.copyOf(decks);
    this.leechRegistered = leechRegistered;
  }

  /** The rows an answer to {@code card} may change, read before answering. */
  static AnswerUndo before(Collection col, Card card) {
    Deck deck = col.decks().getOrDefault(card.did());
    List<Deck> decks = new ArrayList<>();
    decks.add(deck);
    for (String ancestor : DeckNames.humanAncestors(deck.name())) col.decks().byName(ancestor).ifPresent(decks::add);
    Note note = col.notes().get(card.nid()).orElse(null);
    return new AnswerUndo(col.cards().ofNote(card.nid()), note, decks,
        col.tags().store().get(Answering.LEECH).isPresent());
  }

  void answeredWithRevlog(long id) {
    this.revlogId = id;
  }

  /** The revlog row the answer added. */
  public long revlogId() {
    return revlogId;
  }

  /** Restores everything; call inside a write. */
  public void restore(Collection col) {
    for (Card c : cards) col.cards().store().update(c);
    if (note != null) {
      Optional<Note> now = col.notes().get(note.id());
      if (now.isPresent() && !now.get().equals(note)) {
        int sortField = col.notetypes().get(note.notetypeId()).map(nt -> nt.sortFieldIndex()).orElse(0);
        col.notes().store().put(note, sortField);
      }
    }
    for (Deck d : decks) col.decks().update(d);
    if (!leechRegistered) col.tags().store().delete(Answering.LEECH);
    col.revlog().remove(revlogId);
  }
}
