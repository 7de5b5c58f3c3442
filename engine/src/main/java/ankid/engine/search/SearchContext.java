package ankid.engine.search;

import java.util.List;
import java.util.OptionalLong;

/**
 * The collection facts the SQL writer needs. Implemented by the collection on top of its storage;
 * values are read once per search, so an implementation may compute them lazily.
 */
public interface SearchContext {
  /** A field of a notetype; {@code excludeFromSearch} is Field.Config's "exclude from unqualified search". */
  record Field(String name, int ord, boolean excludeFromSearch) {}

  /** A notetype with its fields and template names, both in ord order. */
  record Notetype(long id, String name, boolean cloze, int sortFieldIdx, List<Field> fields, List<String> templates) {
    public Notetype {
      fields = List.copyOf(fields);
      templates = List.copyOf(templates);
    }
  }

  /** A deck: {@code name} is the native name (components joined by U+001F, as in the decks table). */
  record Deck(long id, String name, boolean filtered, long configId) {}

  /** A note whose first field a {@code dupe:} search compares. */
  record NoteField(long noteId, String firstField) {}

  /** All notetypes (any order). */
  List<Notetype> notetypes();

  /** All decks (any order); {@code configId} is 0 for filtered decks. */
  List<Deck> decks();

  /** The config {@code curDeck}. */
  long currentDeckId();

  /** Id of the deck options preset with this name under unicase comparison (for {@code preset:}). */
  OptionalLong deckConfigIdByName(String name);

  /** Notes of a notetype with this {@code csum}, with their raw first field (for {@code dupe:}). */
  List<NoteField> notesWithChecksum(long notetypeId, long checksum);

  /** Today's day number (days elapsed since the collection was created, after rollover). */
  int daysElapsed();

  /** Unix seconds of the next day rollover. */
  long nextDayAt();

  /** Current unix seconds. */
  long now();

  /** Config {@code collapseTime} (default 1200). */
  default long learnAheadSecs() {
    return 1200;
  }

  /** Config {@code ignoreAccentsInSearch} (default off). */
  default boolean ignoreAccentsInSearch() {
    return false;
  }

  /** Config {@code normalize_note_text} (default on): search text is converted to NFC. */
  default boolean normalizeNoteText() {
    return true;
  }
}
