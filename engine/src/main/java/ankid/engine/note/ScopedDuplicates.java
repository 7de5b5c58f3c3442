package ankid.engine.note;

import ankid.engine.Collection;
import ankid.engine.util.RustStr;
import java.util.List;
import java.util.Set;

/**
 * AnkiConnect's own duplicate check, used for deck scope or across notetypes: the first field's
 * raw text, and a matching checksum alone counts as a duplicate (no text comparison).
 */
public final class ScopedDuplicates {
  private ScopedDuplicates() {}

  /** Whether the raw first field is blank after trimming whitespace ({@code <br>} is not blank here). */
  public static boolean isEmpty(Note note) {
    return note.fields().isEmpty() || RustStr.trim(note.fields().get(0)).isEmpty();
  }

  /**
   * @param deckIds decks a candidate's cards must currently be in, or null for no deck restriction
   * @param allNotetypes whether notes of other notetypes count
   */
  public static boolean isDuplicate(Collection col, Note note, Set<Long> deckIds, boolean allNotetypes) {
    long csum = NoteText.firstFieldChecksum(note.fields());
    List<Note> candidates = col.notes().store().withChecksum(csum, allNotetypes ? null : note.notetypeId());
    for (Note other : candidates) {
      if (other.id() == note.id()) continue;
      if (deckIds == null) return true;
      for (long did : col.cards().store().deckIdsOfNote(other.id())) {
        if (deckIds.contains(did)) return true;
      }
    }
    return false;
  }
}
