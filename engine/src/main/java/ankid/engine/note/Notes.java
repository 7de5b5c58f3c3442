package ankid.engine.note;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.card.CardGenerator;
import ankid.engine.notetype.Notetype;
import ankid.engine.storage.GraveStore;
import ankid.engine.template.Clozes;
import ankid.engine.template.ParsedTemplate;
import ankid.engine.template.TemplateError;
import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Adding, editing, checking and deleting notes the way Anki's note save path does. */
public final class Notes {
  private final Collection col;
  private final NoteStore store;
  /** Parsed templates per notetype, reused while the notetype is unchanged (bulk adds). */
  private final java.util.Map<Long, CardGenerator> generators = new java.util.HashMap<>();

  public Notes(Collection col) {
    this.col = col;
    this.store = new NoteStore(col.db());
  }

  public NoteStore store() {
    return store;
  }

  public Optional<Note> get(long id) {
    return store.get(id);
  }

  /** The note or Anki's "not found" error. */
  public Note require(long id) {
    return store.get(id).orElseThrow(() -> new AnkiException.NotFound("Note was not found: " + id));
  }

  /**
   * A note not yet added: fields cleaned up and padded to the notetype's field count, a fresh guid,
   * tags as given (they are canonicalised when the note is saved).
   */
  public Note draft(Notetype notetype, List<String> fields, List<String> tags) {
    return new Note(0, Guid.random(), notetype.id(), 0, -1, tags, normalizeFields(notetype, fields));
  }

  private List<String> normalizeFields(Notetype notetype, List<String> fields) {
    boolean nfc = col.config().getBool("normalize_note_text", true);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < notetype.fields().size(); i++) {
      out.add(i < fields.size() ? NoteText.normalizeField(fields.get(i), nfc) : "");
    }
    return out;
  }

  /**
   * Adds a note with its cards (rslib/src/notes/mod.rs, {@code add_note}); returns it with its id
   * and canonical tags.
   */
  public Note add(Note draft, long deckId) {
    Notetype notetype = notetypeOf(draft);
    List<String> tags = col.tags().canonifyAndRegister(draft.tags());
    Note note = new Note(col.newId(store.maxId()), draft.guid(), notetype.id(), col.nowSecs(), -1, tags,
        normalizeFields(notetype, draft.fields()));
    store.put(note, notetype.sortFieldIndex());
    generator(notetype).generateForNewNote(note, deckId);
    col.config().set("curModel", notetype.id());
    col.config().set("_nt_" + notetype.id() + "_lastDeck", deckId);
    col.config().set("_deck_" + deckId + "_lastNotetype", notetype.id());
    return note;
  }

  /**
   * Saves edited fields and tags; cards the new content calls for are added (never removed). A note
   * equal to the stored one is left untouched, mtime included. Returns the stored note.
   */
  public Note update(Note edited) {
    Note existing = require(edited.id());
    Notetype notetype = notetypeOf(edited);
    List<String> tags = col.tags().canonifyAndRegister(edited.tags());
    Note note = new Note(existing.id(), existing.guid(), notetype.id(), existing.mtimeSecs(), existing.usn(), tags,
        normalizeFields(notetype, edited.fields()));
    if (note.fields().equals(existing.fields()) && note.tags().equals(existing.tags())
        && note.notetypeId() == existing.notetypeId()) {
      return existing;
    }
    note = note.modified(col.nowSecs());
    store.put(note, notetype.sortFieldIndex());
    generator(notetype).generateForExistingNote(note);
    return note;
  }

  /**
   * Moves a note to another notetype with new fields and tags (AnkiConnect's updateNoteModel): a
   * schema change; cards whose template no longer exists are deleted, missing ones generated.
   */
  public Note changeNotetype(Note existing, Notetype notetype, List<String> fields, List<String> tags) {
    col.markSchemaModified();
    Note note = new Note(existing.id(), existing.guid(), notetype.id(), col.nowSecs(), -1,
        col.tags().canonifyAndRegister(tags), normalizeFields(notetype, fields));
    if (!notetype.isCloze()) {
      col.cards().delete(col.cards().store().idsOfNoteFromOrd(note.id(), notetype.templates().size()));
    }
    store.put(note, notetype.sortFieldIndex());
    generator(notetype).generateForExistingNote(note);
    return note;
  }

  /** Deletes notes and all their cards, leaving graves for sync; unknown ids are ignored. */
  public void delete(List<Long> noteIds) {
    for (long nid : noteIds) {
      if (store.get(nid).isEmpty()) continue;
      col.cards().delete(col.cards().store().idsOfNote(nid));
      store.delete(nid);
      col.graves().add(nid, GraveStore.NOTE);
    }
  }

  /** The notes of a notetype. */
  public List<Long> idsOfNotetype(long notetypeId) {
    return store.idsOfNotetype(notetypeId);
  }

  /** Card ids of a note by template ord. */
  public List<Long> cardIds(long noteId) {
    return col.cards().store().idsOfNote(noteId);
  }

  /**
   * Anki's {@code note_fields_check}: empty first field (after stripping HTML), a duplicate first
   * field among notes of the same notetype, or misplaced/missing cloze deletions.
   */
  public NoteFieldsState fieldsCheck(Note note) {
    Notetype notetype = notetypeOf(note);
    String first = NoteText.stripHtmlPreservingMediaFilenames(note.fields().isEmpty() ? "" : note.fields().get(0));
    if (RustStr.trim(first).isEmpty()) return NoteFieldsState.EMPTY;
    if (isDuplicate(first, note)) return NoteFieldsState.DUPLICATE;
    return clozeCheck(notetype, note);
  }

  /**
   * AnkiConnect's check for a duplicate scope ({@code duplicateScope: "deck"} or
   * {@code checkAllModels}): an empty raw first field, or a note with the same first-field
   * checksum among the notes of {@code deckIds} (null: any deck; empty: none) and of the note's
   * notetype unless {@code allNotetypes}.
   */
  public NoteFieldsState scopedFieldsCheck(Note note, Set<Long> deckIds, boolean allNotetypes) {
    return new ScopedDuplicates(store, col.cards().store()).check(note, deckIds, allNotetypes);
  }

  private boolean isDuplicate(String strippedFirst, Note note) {
    for (Note other : store.withChecksum(NoteText.fieldChecksum(strippedFirst), note.notetypeId())) {
      if (other.id() != note.id()
          && NoteText.stripHtmlPreservingMediaFilenames(other.fields().get(0)).equals(strippedFirst)) {
        return true;
      }
    }
    return false;
  }

  private static NoteFieldsState clozeCheck(Notetype notetype, Note note) {
    Set<Integer> clozeFields = notetype.isCloze() ? clozeFieldOrds(notetype) : Set.of();
    boolean hasCloze = false;
    NoteFieldsState extraneous = null;
    for (int i = 0; i < note.fields().size() && extraneous == null; i++) {
      if (Clozes.numbers(note.fields().get(i)).isEmpty()) continue;
      if (!notetype.isCloze()) extraneous = NoteFieldsState.NOTETYPE_NOT_CLOZE;
      else if (clozeFields.contains(i)) hasCloze = true;
      else extraneous = NoteFieldsState.FIELD_NOT_CLOZE;
    }
    if (notetype.isCloze() && !hasCloze) return NoteFieldsState.MISSING_CLOZE;
    return extraneous != null ? extraneous : NoteFieldsState.NORMAL;
  }

  /** Fields used with the {@code cloze:} filter on any card front. */
  private static Set<Integer> clozeFieldOrds(Notetype notetype) {
    Set<String> names = new HashSet<>();
    for (Notetype.Template t : notetype.templates()) {
      try {
        names.addAll(ParsedTemplate.parse(t.config().getQFormat()).clozeFieldNames());
      } catch (TemplateError e) {
        // a broken template uses no field
      }
    }
    Set<Integer> ords = new HashSet<>();
    for (Notetype.Field f : notetype.fields()) if (names.contains(f.name())) ords.add(f.ord());
    return ords;
  }

  private CardGenerator generator(Notetype notetype) {
    CardGenerator cached = generators.get(notetype.id());
    // the row cache hands out one object per notetype within a transaction: compare whole
    // notetypes (their protobufs, field by field) only when it is another object
    if (cached != null && (cached.notetype() == notetype || cached.notetype().equals(notetype))) return cached;
    CardGenerator fresh = new CardGenerator(col, notetype);
    generators.put(notetype.id(), fresh);
    return fresh;
  }

  private Notetype notetypeOf(Note note) {
    return col.notetypes().get(note.notetypeId())
        .orElseThrow(() -> new AnkiException.NotFound("notetype not found: " + note.notetypeId()));
  }
}
