package ankid.server.gate;

import static ankid.server.gate.Facts.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Previews of the graphical actions. They change the server's UI state as well as the collection,
 * which a rolled-back run would not undo, so they are never run ahead: described from their
 * parameters.
 */
final class GuiPreviews {
  private static final List<String> BUTTONS = List.of("Again", "Hard", "Good", "Easy");

  private GuiPreviews() {}

  static void register(Previews p) {
    p.outside("guiAddCards", f -> {
      JsonNode note = f.arg("note");
      if (note == null || note.isNull()) return "open the Add screen";
      return "open the Add screen on a " + quote(note.path("modelName").asText()) + " note for deck "
          + quote(note.path("deckName").asText()) + ", making both the current ones (media given are stored)";
    });
    p.outside("guiAddNoteSetData", f -> (truthy(f.arg("append")) ? "add to" : "change")
        + " the note on the Add screen (media given are stored)");
    p.outside("guiAnswerCard", f -> {
      int ease = f.arg("ease");
      String button = ease >= 1 && ease <= 4 ? BUTTONS.get(ease - 1) : "ease " + ease;
      return "answer the card shown in the reviewer with " + button + ", adding a review to its history";
    });
    p.outside("guiUndo", f -> "undo the reviewer's last answer: its card gets its earlier scheduling back and"
        + " the review leaves the history");
    p.outside("guiDeckOverview", f -> "make deck " + quote(f.arg("name")) + " the current deck and show its overview");
    p.outside("guiDeckReview", f -> "make deck " + quote(f.arg("name")) + " the current deck and start reviewing it");
    p.outside("guiImportFile", f -> f.arg("path") == null ? "open the Import screen to choose a file"
        : "import file " + quote(f.arg("path")) + " into the collection");
    p.outside("guiExitAnki", f -> "stop the server, closing its collection");
    p.outside("guiCheckDatabase", f -> "check the database and repair what it finds (what cannot be repaired is"
        + " removed)");
  }

  private static boolean truthy(Object value) {
    return value instanceof JsonNode n ? ankid.server.api.PythonValues.truthy(n) : Boolean.TRUE.equals(value);
  }
}
