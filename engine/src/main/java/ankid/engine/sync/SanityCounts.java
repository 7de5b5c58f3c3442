package ankid.engine.sync;

/**
 * What both sides count after merging; a difference means the collections diverged (rslib
 * sync/collection/sanity.rs {@code SanityCheckCounts}). The due counts and graves are sent but
 * not compared, as in Anki.
 */
public record SanityCounts(
    int newCards, int learning, int review,
    long cards, long notes, long revlog, long graves, long notetypes, long decks, long deckConfigs) {

  /** The values a server compares: due counts and graves zeroed (rslib server_sanity_check). */
  public SanityCounts compared() {
    return new SanityCounts(0, 0, 0, cards, notes, revlog, 0, notetypes, decks, deckConfigs);
  }
}
