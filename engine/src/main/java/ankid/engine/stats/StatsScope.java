package ankid.engine.stats;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which cards a statistics report covers: the whole collection, or the current deck
 * ({@code curDeck}) with its subdecks, as Anki's legacy report for "deck" scope.
 *
 * @param deckIds null for the whole collection
 */
public record StatsScope(String title, List<Long> deckIds) {

  public static StatsScope of(Collection col, boolean wholeCollection) {
    if (wholeCollection) return new StatsScope("Collection", null);
    Deck current = col.decks().getOrDefault(col.config().getLong("curDeck", Deck.DEFAULT_ID));
    return new StatsScope(current.name(), col.decks().withDescendants(current).stream().map(Deck::id).toList());
  }

  /** A condition on {@code cards} rows (table alias-free). */
  String cardFilter() {
    return deckIds == null ? "1" : "did in " + idList();
  }

  /** A condition on {@code revlog} rows. */
  String revlogFilter() {
    return deckIds == null ? "1" : "cid in (select id from cards where did in " + idList() + ")";
  }

  private String idList() {
    return deckIds.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
  }
}
