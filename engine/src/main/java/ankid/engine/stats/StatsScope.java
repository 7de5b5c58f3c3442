package ankid.engine.stats;

import java.util.List;

/**
 * Which cards a statistics report covers: the whole collection, or the current deck
 * ({@code curDeck}) with its subdecks, as Anki's legacy report for "deck" scope.
 *
 * @param deckIds null for the whole collection
 */
record StatsScope(String title, List<Long> deckIds) {}
