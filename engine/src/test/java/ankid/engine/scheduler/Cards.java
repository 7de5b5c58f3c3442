package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;

/** Test helper: card rows. */
final class Cards {
  private Cards() {}

  static Card newCard(long id, int position) {
    return new Card(id, id, 1, 0, 0, 0, 0, 0, position, 0, 0, 0, 0, 0, 0, 0, 0, CardData.EMPTY);
  }

  static Card review(long id, int due, int ivl, int factor, int reps, int lapses) {
    return new Card(id, id, 1, 0, 0, 0, 2, 2, due, ivl, factor, reps, lapses, 0, 0, 0, 0, CardData.EMPTY);
  }
}
