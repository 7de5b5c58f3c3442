package ankid.engine.note;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.notetype.Notetype;
import java.util.Comparator;
import java.util.Optional;

/**
 * The deck and notetype the Add screen starts with (rslib {@code adding.rs},
 * {@code defaults_for_adding}): by default the current deck and the notetype last used with it;
 * with "adding defaults to current deck" off, the current notetype and the deck last added to
 * with it.
 */
public final class AddingDefaults {
  /** A deck and a notetype to add to. */
  public record DeckAndNotetype(long deckId, long notetypeId) {}

  private AddingDefaults() {}

  /** @param homeDeckOfReviewerCard the home deck of the card being studied, or 0 */
  public static DeckAndNotetype forAdding(Collection col, long homeDeckOfReviewerCard) {
    if (col.config().getBool("addToCur", true)) {
      long deckId = currentDeckForAdding(col, homeDeckOfReviewerCard).id();
      return new DeckAndNotetype(deckId, notetypeForDeck(col, deckId).id());
    }
    long notetypeId = currentNotetype(col).id();
    long deckId = lastDeckForNotetype(col, notetypeId)
        .orElseGet(() -> currentDeckForAdding(col, homeDeckOfReviewerCard).id());
    return new DeckAndNotetype(deckId, notetypeId);
  }

  /** The current deck unless filtered, else the reviewer card's home deck, else Default. */
  private static Deck currentDeckForAdding(Collection col, long homeDeckOfReviewerCard) {
    Optional<Deck> current = col.decks().get(col.decks().currentId()).filter(d -> !d.isFiltered());
    if (current.isPresent()) return current.get();
    return col.decks().get(homeDeckOfReviewerCard).orElseGet(() -> col.decks().getOrDefault(Deck.DEFAULT_ID));
  }

  private static Notetype notetypeForDeck(Collection col, long deckId) {
    long last = col.config().getLong("_deck_" + deckId + "_lastNotetype", 0);
    return col.notetypes().get(last).orElseGet(() -> currentNotetype(col));
  }

  /** The config's current notetype, else the first by name. */
  private static Notetype currentNotetype(Collection col) {
    long current = col.config().getLong("curModel", 0);
    return col.notetypes().get(current).orElseGet(() -> col.notetypes().all().stream()
        .min(Comparator.comparing(nt -> nt.name().toLowerCase(java.util.Locale.ROOT)))
        .orElseThrow(() -> new ankid.engine.AnkiException.InvalidInput("collection has no notetypes")));
  }

  private static Optional<Long> lastDeckForNotetype(Collection col, long notetypeId) {
    long last = col.config().getLong("_nt_" + notetypeId + "_lastDeck", 0);
    return col.decks().get(last).filter(d -> !d.isFiltered()).map(Deck::id);
  }
}
