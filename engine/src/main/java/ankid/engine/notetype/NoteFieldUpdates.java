package ankid.engine.notetype;

import ankid.engine.Collection;
import ankid.engine.note.NoteStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a notetype's notes follow its saved fields ({@code update_notes_for_changed_fields}):
 * {@code flds} reordered by the fields' previous ords (new fields empty, removed ones dropped),
 * with {@code sfld}/{@code csum} recomputed; when only the sort field moved, just {@code sfld}.
 */
final class NoteFieldUpdates {
  private NoteFieldUpdates() {}

  /** @param previousOrds for each saved field, its ord before the edit or {@link NotetypeEdits#NEW} */
  static void reorder(Collection col, Notetype saved, List<Integer> previousOrds) {
    NoteStore notes = col.notes().store();
    for (NoteStore.Fields note : notes.fieldsOfNotetype(saved.id())) {
      List<String> old = note.fields();
      List<String> fields = new ArrayList<>();
      for (int ord : previousOrds) fields.add(ord >= 0 && ord < old.size() ? old.get(ord) : "");
      notes.setFields(note.id(), fields, saved.sortFieldIndex(), col.nowSecs());
    }
  }

  /** A new sort field only changes {@code sfld}; Anki leaves the notes' mtime alone. */
  static void resort(Collection col, Notetype saved) {
    NoteStore notes = col.notes().store();
    for (NoteStore.Fields note : notes.fieldsOfNotetype(saved.id())) {
      notes.setSortField(note.id(), note.fields(), saved.sortFieldIndex());
    }
  }
}
