package ankid.server.gate;

import static ankid.server.gate.Facts.count;
import static ankid.server.gate.Facts.names;
import static ankid.server.gate.Facts.quote;

import ankid.engine.notetype.Notetype;
import ankid.engine.summary.NoteLine;
import ankid.server.api.ActionRegistry.BoundCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Previews of the note actions. */
final class NotePreviews {
  private NotePreviews() {}

  static void register(Previews p) {
    p.inCollectionUnless("addNote", call -> hasMedia(call.arg("note")), f -> {
      JsonNode note = f.arg("note");
      return "add a " + quote(note.path("modelName").asText()) + " note" + cardsAdded(f) + " to deck "
          + quote(note.path("deckName").asText()) + firstField(note);
    });
    p.inCollectionUnless("addNotes", NotePreviews::anyMedia, f -> {
      List<JsonNode> notes = f.arg("notes");
      Set<String> decks = new LinkedHashSet<>();
      notes.forEach(n -> decks.add(n.path("deckName").asText()));
      return "add " + count(notes.size(), "note") + cardsAdded(f) + " to " + (decks.size() == 1 ? "deck " : "decks ")
          + names(new ArrayList<>(decks));
    });
    // AnkiConnect stores a checked note's media, so these change the media folder when given any.
    p.inCollectionUnless("canAddNote", call -> hasMedia(call.arg("note")), f -> check(f, 1));
    p.inCollectionUnless("canAddNoteWithErrorDetail", call -> hasMedia(call.arg("note")), f -> check(f, 1));
    p.inCollectionUnless("canAddNotes", NotePreviews::anyMedia, f -> check(f, f.<List<JsonNode>>arg("notes").size()));
    p.inCollectionUnless("canAddNotesWithErrorDetail", NotePreviews::anyMedia,
        f -> check(f, f.<List<JsonNode>>arg("notes").size()));
    p.inCollectionUnless("updateNoteFields", call -> hasMedia(call.arg("note")), f -> {
      JsonNode note = f.arg("note");
      return "edit " + fieldNames(note.path("fields")) + " of " + describeNote(f, note.path("id").asLong());
    });
    p.inCollectionUnless("updateNote", call -> hasMedia(call.arg("note")), f -> {
      JsonNode note = f.arg("note");
      List<String> parts = new ArrayList<>();
      if (note.has("fields")) parts.add(fieldNames(note.get("fields")));
      if (note.has("tags")) parts.add("set its tags to " + tagList(note.get("tags")));
      return "edit " + describeNote(f, note.path("id").asLong()) + ": " + String.join("; ", parts);
    });
    p.inCollection("updateNoteModel", f -> {
      JsonNode note = f.arg("note");
      String cards = f.deleted("cards") > 0 ? ", deleting " + count(f.deleted("cards"), "card") : "";
      String added = f.inserted("cards") > 0 ? ", adding " + count(f.inserted("cards"), "card") : "";
      return "change " + describeNote(f, note.path("id").asLong()) + " to notetype "
          + quote(note.path("modelName").asText()) + " (fields not given are emptied" + cards + added + ")";
    });
    p.inCollection("updateNoteTags", f -> "set the tags of " + describeNote(f, Facts.id(f.arg("note")))
        + " to " + tagList(f.arg("tags")));
    p.inCollection("deleteNotes", f -> "delete " + count(f.deleted("notes"), "note") + " and "
        + Facts.their(f.deleted("notes")) + " " + count(f.deleted("cards"), "card"));
    p.inCollection("removeEmptyNotes", f -> {
      List<String> unused = f.col().notetypes().withoutNotes().stream().map(Notetype::name).toList();
      return unused.isEmpty() ? "delete notetypes that have no notes (there are none: nothing changes)"
          : "delete " + count(unused.size(), "notetype") + " that no note uses: " + names(unused);
    });
  }

  private static String check(Facts f, int notes) {
    return "check whether " + (notes == 1 ? "a note" : count(notes, "note")) + " could be added"
        + (f.ranAhead() ? " (changes nothing)" : ", storing the media files the notes name");
  }

  /** A note as a person recognises it: {@code note 123 ("hola")}. */
  static String describeNote(Facts f, long id) {
    List<NoteLine> line = f.col() == null ? List.of() : f.col().summaries().notes(List.of(id));
    return "note " + id + (line.isEmpty() ? "" : " (" + quote(line.get(0).sortField()) + ")");
  }

  private static String cardsAdded(Facts f) {
    return f.ranAhead() ? " (" + count(f.inserted("cards"), "card") + ")" : "";
  }

  private static String firstField(JsonNode note) {
    JsonNode fields = note.path("fields");
    if (!fields.isObject() || fields.isEmpty()) return "";
    String text = fields.elements().next().asText().replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) return "";
    return ": " + quote(text.length() > 60 ? text.substring(0, 59) + "…" : text);
  }

  private static String fieldNames(JsonNode fields) {
    List<String> names = new ArrayList<>();
    fields.fieldNames().forEachRemaining(names::add);
    return (names.size() == 1 ? "field " : "fields ") + names(names);
  }

  private static String tagList(JsonNode tags) {
    List<String> list = Facts.strings(tags);
    return list.isEmpty() ? "nothing (no tags)" : names(list);
  }

  /** Media given by url, path or data is stored in the media folder: not something to run ahead. */
  static boolean hasMedia(JsonNode note) {
    for (String kind : List.of("audio", "video", "picture")) {
      JsonNode m = note == null ? null : note.get(kind);
      if (m != null && !m.isNull() && !(m.isArray() && m.isEmpty())) return true;
    }
    return false;
  }

  private static boolean anyMedia(BoundCall call) {
    List<JsonNode> notes = call.arg("notes");
    return notes.stream().anyMatch(NotePreviews::hasMedia);
  }
}
