package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.CardRow;
import java.util.List;
import java.util.Optional;

/** The scheduler's view ({@link CardRow}) of the collection's cards, read and saved through {@code card.Cards}. */
public final class CardRows {
  private CardRows() {}

  public static Optional<CardRow> get(Collection col, long cardId) {
    return col.cardRecords().get(cardId).map(Card::toRow);
  }

  /** All cards of a note, by ordinal. */
  public static List<CardRow> ofNote(Collection col, long noteId) {
    return col.cardRecords().ofNote(noteId).stream().map(Card::toRow).toList();
  }

  /** Saves the scheduling columns and marks the card modified (mod = now, usn -1). */
  public static void save(Collection col, CardRow row) {
    col.cardRecords().saveSchedule(row);
  }
}
