package ankid.engine.note;

import ankid.engine.card.CardStore;
import ankid.engine.util.RustStr;
import java.util.List;
import java.util.Set;

/**
 * AnkiConnect's own duplicate check, used for deck scope or across notetypes (plugin/__init__.py,
 * {@code isNoteDuplicateOrEmptyInScope}): the first field's raw text, and a matching checksum
 * alone counts as a duplicate (no text comparison).
 */
final class ScopedDuplicates {
  private final NoteStore notes;
  private final CardStore cards;

  ScopedDuplicates(NoteStore notes, CardStore cards) {
    this.notes = notes;
    this.cards = cards;
  }

  /**
   * @param deckIds decks a candidate's cards must currently be in, or null for no deck restriction
   * @param allNotetypes whether notes of other notetypes count
   */
  NoteFieldsState check(Note note, Set<Long> deckIds, boolean allNotetypes) {
    // the raw first field, trimmed: <br> is not blank here
    if (note.fields().isEmpty() || RustStr.trim(note.fields().get(0)).isEmpty()) return NoteFieldsState.EMPTY;
    boolean duplicate = (deckIds == null || !deckIds.isEmpty()) && isDuplicate(note, deckIds, allNotetypes);
    return duplicate ? NoteFieldsState.DUPLICATE : NoteFieldsState.NORMAL;
  }

  private boolean isDuplicate(Note note, Set<Long> deckIds, boolean allNotetypes) {
    long csum = NoteText.firstFieldChecksum(note.fields());
    List<Note> candidates = notes.withChecksum(csum, allNotetypes ? null : note.notetypeId());
    for (Note other : candidates) {
      if (other.id() == note.id()) continue;
      if (deckIds == null) return true;
      for (long did : cards.deckIdsOfNote(other.id())) {
        if (deckIds.contains(did)) return true;
      }
    }
    return false;
  }
}
