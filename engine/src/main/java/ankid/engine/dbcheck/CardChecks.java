package ankid.engine.dbcheck;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import ankid.engine.card.CardStore;
import ankid.engine.deck.Deck;
import ankid.engine.revlog.RevlogEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The card checks of rslib/src/dbcheck.rs: properties, last review times, orphans, original decks. */
final class CardChecks {
  private final Collection col;
  private final CheckDatabaseOutput.Counts out;
  private final CardStore cards;

  CardChecks(Collection col, CheckDatabaseOutput.Counts out) {
    this.col = col;
    this.out = out;
    this.cards = col.cards().store();
  }

  /** {@code check_card_properties}: ranges first, then each reviewed card's last review time. */
  void fixProperties() {
    boolean v1 = col.config().getLong("schedVer", 1) == 1;
    CardStore.PropertyFixes fixes = cards.fixProperties(col.timing().daysElapsed(), col.nowSecs(), -1, v1);
    out.cardPositionTooHigh = fixes.newCardsFixed();
    out.cardPropertiesInvalid += fixes.otherCardsFixed();
    out.cardLastReviewTimeEmpty = fixLastReviewTimes();
    // a one-way sync, so the other side cannot keep last review times that disagree
    if (out.cardLastReviewTimeEmpty > 0) col.markSchemaModified();
  }

  /**
   * Sets {@code lrt} in the data of every card that has left the new queue to the time of its
   * last review that counts for scheduling (rslib/src/storage/card/mod.rs,
   * {@code fix_card_properties}); the card's mtime stays.
   */
  private int fixLastReviewTimes() {
    Map<Long, Long> lastReviews = new HashMap<>();
    col.revlog().forEachCard((cardId, entries) -> lastReviews.put(cardId, lastReviewSecs(entries)));
    int fixed = 0;
    for (Map.Entry<Long, CardData> card : cards.dataOfCardsNotNew().entrySet()) {
      long cardId = card.getKey();
      if (!lastReviews.containsKey(cardId)) continue;
      Long lastReview = lastReviews.get(cardId);
      if (!Objects.equals(card.getValue().lrt(), lastReview)) {
        cards.setData(cardId, card.getValue().withLastReview(lastReview));
        fixed++;
      }
    }
    return fixed;
  }

  /**
   * The second of the card's last answer that affects scheduling, none after a reset
   * (rslib/src/scheduler/fsrs/memory_state.rs, {@code get_last_revlog_info}): answers have a
   * button, cramming is a filtered-deck entry without ease, a reset a manual entry without ease.
   */
  static Long lastReviewSecs(List<RevlogEntry> entries) {
    Long last = null;
    for (RevlogEntry e : entries) {
      boolean cramming = e.type() == RevlogEntry.KIND_FILTERED && e.factor() == 0;
      if (e.ease() > 0 && !cramming) {
        last = e.id() / 1000;
      } else if (e.type() == RevlogEntry.KIND_MANUAL && e.factor() == 0) {
        last = null;
      }
    }
    return last;
  }

  /** {@code check_orphaned_cards}: cards of notes that do not exist go. */
  void deleteOrphaned() {
    int deleted = cards.deleteOrphaned();
    if (deleted > 0) {
      col.markSchemaModified();
      out.cardsMissingNote = deleted;
    }
  }

  /**
   * {@code check_filtered_cards}: a card naming an original deck must be in a filtered deck; in a
   * normal deck it forgets the original deck and due. Every deck is read, so a deck that cannot be
   * read stops the check here, as in Anki.
   */
  void leaveOriginalDeckOutsideFilteredDecks() {
    Map<Long, Deck> decks = new HashMap<>();
    for (Deck d : col.decks().all()) decks.put(d.id(), d);
    int wrong = 0;
    for (Map.Entry<Long, Long> e : cards.filteredCardDecks().entrySet()) {
      Deck deck = decks.get(e.getValue());
      if (deck != null && !deck.isFiltered()) {
        Card card = cards.get(e.getKey()).orElseThrow();
        cards.update(card.withDecks(card.did(), 0, 0));
        wrong++;
      }
    }
    if (wrong > 0) {
      col.markSchemaModified();
      out.cardPropertiesInvalid += wrong;
    }
  }
}
