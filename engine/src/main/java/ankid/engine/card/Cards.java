package ankid.engine.card;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.storage.GraveStore;
import java.util.List;
import java.util.Optional;

/**
 * Card operations (rslib/src/card/mod.rs): lookups, saving a changed card as Anki's
 * {@code update_card} does, moving cards between decks, deleting them, and what a card shows.
 * Scheduling changes (answer, suspend, forget…) are {@code col.scheduling()}'s.
 */
public final class Cards {
  private final Collection col;
  private final CardStore store;

  public Cards(Collection col) {
    this.col = col;
    this.store = new CardStore(col.db());
  }

  /** The {@code cards} table itself, for the other domains' operations. */
  public CardStore store() {
    return store;
  }

  public Optional<Card> get(long id) {
    return store.get(id);
  }

  /** All cards of a note, by ordinal. */
  public List<Card> ofNote(long noteId) {
    return store.ofNote(noteId);
  }

  /** The distinct notes of the given cards; unknown card ids contribute nothing. */
  public List<Long> noteIds(List<Long> cardIds) {
    return store.noteIds(cardIds);
  }

  /** The deck a card is in, or null for an unknown card. */
  public Long deckOf(long cardId) {
    return store.deckOf(cardId);
  }

  /** Saves every column of an existing card, stamped with now and usn −1. */
  public Card update(Card card) {
    CardAttributes.validate(card);
    if (store.get(card.id()).isEmpty()) throw new AnkiException.NotFound("No such card: '" + card.id() + "'");
    Card c = card.modified(col.nowSecs());
    store.update(c);
    return c;
  }

  /**
   * Moves cards to a deck, returning any that were in a filtered deck to their home deck first.
   * Unknown ids are ignored.
   */
  public void setDeck(List<Long> cardIds, long deckId) {
    store.setDeck(cardIds, deckId, col.nowSecs());
  }

  /** Deletes cards, leaving graves so a sync propagates the deletion; unknown ids are ignored. */
  public void delete(List<Long> cardIds) {
    for (long cid : cardIds) {
      if (store.delete(cid)) col.graves().add(cid, GraveStore.CARD);
    }
  }

  /** Renders cards' fields and sides; make one per request, it caches notetypes and decks. */
  public CardFaces faces() {
    return new CardFaces(col);
  }
}
