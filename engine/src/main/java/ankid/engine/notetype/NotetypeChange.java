package ankid.engine.notetype;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.card.CardGenerator;
import ankid.engine.note.Note;
import ankid.engine.note.NoteText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
      for (long nid : noteIds) col.cards().delete(col.cards().store().idsOfNoteFromOrd(nid, target.templates().size()));
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
    Map<Integer, Integer> moves = new HashMap<>();
    for (int newIdx = 0; newIdx < newTemplates.size(); newIdx++) {
      int oldIdx = newTemplates.get(newIdx);
      if (oldIdx >= 0) moves.put(oldIdx, newIdx);
    }
    for (long nid : noteIds) {
      List<Card> cards = col.cards().ofNote(nid);
      col.cards().delete(cards.stream().filter(c -> c.ord() < oldCount && !moves.containsKey(c.ord()))
          .map(Card::id).toList());
      for (Card c : cards) {
        Integer to = moves.get(c.ord());
        if (to == null || to == c.ord()) continue;
        col.cards().store().update(new Card(c.id(), c.nid(), c.did(), to, col.nowSecs(), -1, c.type(), c.queue(),
            c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data()));
      }
    }
  }
}
