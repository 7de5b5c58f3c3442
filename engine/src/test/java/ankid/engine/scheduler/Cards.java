package ankid.engine.scheduler;

/** Test helper: card rows. */
final class Cards {
  private Cards() {}

  static CardRow newCard(long id, int position) {
    return new CardRow(id, id, 1, 0, 0, 0, position, 0, 0, 0, 0, 0, 0, 0, 0, CardData.EMPTY);
  }

  static CardRow review(long id, int due, int ivl, int factor, int reps, int lapses) {
    return new CardRow(id, id, 1, 0, 2, 2, due, ivl, factor, reps, lapses, 0, 0, 0, 0, CardData.EMPTY);
  }
}
