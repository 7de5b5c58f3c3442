package ankid.engine.notetype;

import ankid.engine.Collection;
import ankid.engine.card.CardGenerator;
import ankid.engine.note.Note;
import ankid.engine.note.NoteText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves notes to another notetype (rslib notetype/notetypechange.rs,
 * {@code change_notetype_of_notes_inner}): each note's fields are rearranged by a map of old field
 * indices, its cards follow a map of old template indices (cards of unmapped templates are
 * deleted), and the cards the notes now need are generated. A schema change.
 */
public final class NotetypeChange {
  private NotetypeChange() {}

  /**
   * @param newFields for each field of the new notetype, the old field index it takes, or -1
   * @param newTemplates for each template of the new notetype, the old template index whose cards
   *     it takes (-1 for none), or null to only drop cards beyond a normal notetype's templates
   */
  public static void changeNotetypeOfNotes(Collection col, List<Long> noteIds, long oldNotetypeId,
      long newNotetypeId, List<Integer> newFields, List<Integer> newTemplates) {
    col.markSchemaModified();
    Notetype target = col.notetypes().get(newNotetypeId).orElseThrow();
    if (newTemplates != null) {
      int oldCount = col.notetypes().get(oldNotetypeId).orElseThrow().templates().size();
      remapCards(col, noteIds, newTemplates, oldCount);
    } else if (!target.isCloze()) {
      for (long nid : noteIds) {
        col.cards().delete(col.db().queryLongs("select id from cards where nid = ? and ord > ?", nid,
            target.templates().size() - 1));
      }
    }
    CardGenerator cards = new CardGenerator(col, target);
    for (long nid : noteIds) {
      Note note = col.notes().require(nid);
      List<String> fields = new ArrayList<>();
      for (int idx : newFields) fields.add(idx >= 0 && idx < note.fields().size() ? note.fields().get(idx) : "");
      List<String> cleaned = fields.stream().map(f -> NoteText.normalizeField(f, false)).toList();
      Note moved = new Note(note.id(), note.guid(), newNotetypeId, col.nowSecs(), -1, note.tags(), cleaned);
      col.notes().store().put(moved, target.sortFieldIndex());
      cards.generateForExistingNote(moved);
    }
  }

  /** rslib {@code TemplateMap}: cards of templates nobody takes go, the others take their new index. */
  private static void remapCards(Collection col, List<Long> noteIds, List<Integer> newTemplates, int oldCount) {
    Set<Integer> seen = new HashSet<>();
    for (int newIdx = 0; newIdx < newTemplates.size(); newIdx++) {
      int oldIdx = newTemplates.get(newIdx);
      if (oldIdx >= 0) seen.add(oldIdx);
    }
    for (long nid : noteIds) {
      for (int ord = 0; ord < oldCount; ord++) {
        if (seen.contains(ord)) continue;
        col.cards().delete(col.db().queryLongs("select id from cards where nid = ? and ord = ?", nid, ord));
      }
      // Read all cards first: a move may land on an ord another card is about to leave.
      List<long[]> moves = new ArrayList<>();
      for (int newIdx = 0; newIdx < newTemplates.size(); newIdx++) {
        int oldIdx = newTemplates.get(newIdx);
        if (oldIdx < 0 || oldIdx == newIdx) continue;
        for (long cid : col.db().queryLongs("select id from cards where nid = ? and ord = ?", nid, oldIdx)) {
          moves.add(new long[] {cid, newIdx});
        }
      }
      for (long[] m : moves) {
        col.db().exec("update cards set ord = ?, mod = ?, usn = -1 where id = ?", m[1], col.nowSecs(), m[0]);
      }
    }
  }
}
