package ankid.engine.dbcheck;

import ankid.engine.Collection;
import ankid.engine.storage.Unicase;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The deck checks of rslib/src/dbcheck.rs: decks cards point at, parents of decks. */
final class DeckChecks {
  private final Collection col;
  private final CheckDatabaseOutput.Counts out;

  DeckChecks(Collection col, CheckDatabaseOutput.Counts out) {
    this.col = col;
    this.out = out;
  }

  /** {@code check_missing_deck_ids}: a deck cards are in but that does not exist is created. */
  void recoverMissingDecks() {
    for (long did : col.cards().store().missingDeckIds()) {
      col.decks().recoverMissing(did);
      out.decksMissing++;
    }
  }

  /**
   * {@code check_missing_deck_names} (rslib/src/decks/tree.rs, {@code add_missing_deck_names}):
   * going through the names in order, a deck whose immediate parent is missing gets it, created
   * with any parents it lacks itself; each such parent counts once.
   */
  void addMissingParents() {
    Set<String> seen = new HashSet<>();
    for (Map.Entry<Long, String> deck : col.decks().store().allNames()) {
      String name = deck.getValue();
      seen.add(Unicase.fold(name));
      int cut = name.lastIndexOf("::");
      if (cut < 0) continue;
      String parent = name.substring(0, cut);
      if (seen.add(Unicase.fold(parent))) {
        col.decks().idForName(parent);
        out.decksMissing++;
      }
    }
  }
}
