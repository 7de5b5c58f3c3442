package ankid.engine.sync;

import ankid.engine.card.Card;
import ankid.engine.note.Note;
import ankid.engine.revlog.RevlogEntry;
import java.util.List;

/**
 * Up to {@link #SIZE} reviews, cards and notes; the last chunk of a side says
 * {@code done} (rslib sync/collection/chunks.rs {@code Chunk}).
 */
public record Chunk(boolean done, List<RevlogEntry> revlog, List<Card> cards, List<Note> notes) {
  /** How many objects a chunk of graves, cards, notes or reviews holds (rslib chunks.rs CHUNK_SIZE). */
  public static final int SIZE = 250;

  public Chunk {
    revlog = List.copyOf(revlog);
    cards = List.copyOf(cards);
    notes = List.copyOf(notes);
  }
}
