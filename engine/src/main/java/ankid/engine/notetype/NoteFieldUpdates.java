package ankid.engine.notetype;

import ankid.engine.note.NoteStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a notetype's notes follow its saved fields (rslib/src/notetype/schemachange.rs,
 * {@code update_notes_for_changed_fields}): {@code flds} reordered by the fields' previous ords
 * (new fields empty, removed ones dropped), with {@code sfld}/{@code csum} recomputed; when only
 * the sort field moved, just {@code sfld}.
 */
final class NoteFieldUpdates {
  private NoteFieldUpdates() {}

  /** @param previousOrds for each saved field, its ord before the edit or {@link NotetypeEdits#NEW} */
  static void reorder(NoteStore notes, Notetype saved, List<Integer> previousOrds, long mtime) {
    for (NoteStore.Fields note : notes.fieldsOfNotetype(saved.id())) {
      List<String> old = note.fields();
      List<String> fields = new ArrayList<>();
      for (int ord : previousOrds) fields.add(ord >= 0 && ord < old.size() ? old.get(ord) : "");
      notes.setFields(note.id(), fields, saved.sortFieldIndex(), mtime);
    }
  }

  /** A new sort field only changes {@code sfld}; Anki leaves the notes' mtime alone. */
  static void resort(NoteStore notes, Notetype saved) {
    for (NoteStore.Fields note : notes.fieldsOfNotetype(saved.id())) {
      notes.setSortField(note.id(), note.fields(), saved.sortFieldIndex());
    }
  }
}
