package ankid.engine.packages;

import ankid.engine.card.Card;
import ankid.engine.scheduler.ForgetCards;
import java.util.List;

/** The changes an exchange makes to single cards on their way between collections. */
final class ExchangeCards {
  private ExchangeCards() {}

  /**
   * rslib gather.rs {@code reset_cards}: scheduled as new at the card's last position, or else at
   * the next free one ({@code position[0]}, advanced), with counts and flags cleared, but left in
   * its current deck, which the export turns into a normal deck.
   */
  static Card resetAsNew(Card card, long[] position) {
    ForgetCards.Result forgotten = ForgetCards.forget(List.of(card), position[0], true, true, false, 0);
    position[0] = forgotten.nextPos();
    Card reset = forgotten.changes().get(0).card();
    return new Card(card.id(), card.nid(), card.did(), card.ord(), card.mod(), card.usn(), reset.type(), reset.queue(),
        reset.due(), reset.ivl(), reset.factor(), reset.reps(), reset.lapses(), reset.left(), reset.odue(),
        reset.odid(), 0, reset.data());
  }

  /**
   * rslib gather.rs {@code restore_cards_from_filtered_decks}: the filtered deck the card sits in
   * becomes its home (the deck is exported as a normal one), due and queue as before filtering.
   */
  static Card restoredFromFilteredDeck(Card card) {
    return card.withDecks(card.did(), card.odue(), card.did()).removedFromFilteredDeckRestoringQueue();
  }

  /**
   * rslib import/cards.rs {@code shift_collection_relative_dates}: day-number dues move by how many
   * days the source collection is ahead of the target.
   */
  static Card shiftedDates(Card c, long delta) {
    boolean dueInDays = c.queue() == Card.QUEUE_REVIEW || c.queue() == Card.QUEUE_DAY_LEARN
        || c.type() == Card.TYPE_REVIEW;
    boolean odueInDays = c.type() == Card.TYPE_REVIEW && c.odue() != 0;
    Card out = dueInDays ? c.withDue((int) (c.due() - delta)) : c;
    return odueInDays ? out.withDecks(out.did(), (int) (out.odue() - delta), out.odid()) : out;
  }
}
