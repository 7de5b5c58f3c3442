package ankid.engine.notetype;

import ankid.engine.Collection;
import ankid.engine.note.NoteText;
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
    for (Object[] note : notes(col, saved.id())) {
      List<String> old = NoteText.splitFields((String) note[1]);
      List<String> fields = new ArrayList<>();
      for (int ord : previousOrds) fields.add(ord >= 0 && ord < old.size() ? old.get(ord) : "");
      col.db().exec("update notes set flds = ?, sfld = ?, csum = ?, mod = ?, usn = -1 where id = ?",
          NoteText.joinFields(fields), NoteText.sortField(fields, saved.sortFieldIndex()),
          NoteText.firstFieldChecksum(fields), col.nowSecs(), note[0]);
    }
  }

  /** A new sort field only changes {@code sfld}; Anki leaves the notes' mtime alone. */
  static void resort(Collection col, Notetype saved) {
    for (Object[] note : notes(col, saved.id())) {
      col.db().exec("update notes set sfld = ? where id = ?",
          NoteText.sortField(NoteText.splitFields((String) note[1]), saved.sortFieldIndex()), note[0]);
    }
  }

  private static List<Object[]> notes(Collection col, long ntid) {
    return col.db().query("select id, flds from notes where mid = ?",
        rs -> new Object[] {rs.getLong(1), rs.getString(2)}, ntid);
  }
}
