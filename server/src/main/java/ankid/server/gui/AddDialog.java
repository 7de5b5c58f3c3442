package ankid.server.gui;

import ankid.engine.notetype.Notetype;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Add screen's note being written (Anki's {@code qt/aqt/addcards.py}): the deck and notetype
 * chosen, the field contents in notetype order, the tags. Values only; {@link Gui} holds the
 * current one.
 */
public record AddDialog(long deckId, Notetype notetype, List<String> fields, List<String> tags, String message) {
  public AddDialog {
    fields = List.copyOf(fields);
    tags = List.copyOf(tags);
  }

  public static AddDialog empty(long deckId, Notetype notetype) {
    return new AddDialog(deckId, notetype, Collections.nCopies(notetype.fields().size(), ""), List.of(), null);
  }

  public AddDialog withDeck(long newDeckId) {
    return new AddDialog(newDeckId, notetype, fields, tags, message);
  }

  public AddDialog withFields(List<String> newFields) {
    return new AddDialog(deckId, notetype, newFields, tags, message);
  }

  public AddDialog withTags(List<String> newTags) {
    return new AddDialog(deckId, notetype, fields, newTags, message);
  }

  public AddDialog withMessage(String newMessage) {
    return new AddDialog(deckId, notetype, fields, tags, newMessage);
  }

  /** The field's index, or -1; names match exactly, as Anki's {@code name in note}. */
  public int fieldIndex(String name) {
    return notetype.fieldNames().indexOf(name);
  }

  /**
   * Another notetype, carrying the fields over as addcards.py {@code on_notetype_change} does:
   * non-empty fields of the same name first, then the other non-empty fields in order into the
   * remaining ones; tags stay.
   */
  public AddDialog withNotetype(Notetype newNotetype) {
    List<String> oldNames = notetype.fieldNames();
    List<String> newNames = newNotetype.fieldNames();
    List<String> out = new ArrayList<>(Collections.nCopies(newNames.size(), ""));
    Set<String> copied = new HashSet<>();
    for (int i = 0; i < newNames.size(); i++) {
      int old = oldNames.indexOf(newNames.get(i));
      if (old >= 0 && !fields.get(old).isEmpty()) {
        out.set(i, fields.get(old));
        copied.add(newNames.get(i));
      }
    }
    int next = 0;
    for (int old = 0; old < oldNames.size(); old++) {
      while (next < newNames.size() && copied.contains(newNames.get(next))) next++;
      if (next >= newNames.size()) break;
      if (!copied.contains(oldNames.get(old)) && !fields.get(old).isEmpty()) out.set(next++, fields.get(old));
    }
    return new AddDialog(deckId, newNotetype, out, tags, message);
  }

  /** The note after one was added (addcards.py {@code _load_new_note}): sticky fields and the tags stay. */
  public AddDialog afterAdding(String addedMessage) {
    List<String> out = new ArrayList<>();
    for (Notetype.Field f : notetype.fields()) out.add(f.config().getSticky() ? fields.get(f.ord()) : "");
    return new AddDialog(deckId, notetype, out, tags, addedMessage);
  }
}
