package ankid.server.gate;

import static ankid.server.gate.Facts.count;
import static ankid.server.gate.Facts.names;
import static ankid.server.gate.Facts.quote;

import ankid.server.api.PythonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Previews of the card and scheduling actions. */
final class CardPreviews {
  /** Anki's answer buttons, by ease. */
  private static final List<String> BUTTONS = List.of("Again", "Hard", "Good", "Easy");

  private CardPreviews() {}

  static void register(Previews p) {
    p.inCollection("suspend", f -> (PythonValues.truthy(f.arg("suspend")) ? "suspend " : "unsuspend ")
        + count(f.changed("cards"), "card"));
    p.inCollection("unsuspend", f -> "unsuspend " + count(f.changed("cards"), "card"));
    p.inCollection("setEaseFactors", f -> "set the ease of " + count(f.changed("cards"), "card"));
    p.inCollection("setSpecificValueOfCard", f -> "set " + names(Facts.strings(f.arg("keys"))) + " of card "
        + Facts.id(f.arg("card")));
    p.inCollection("answerCards", f -> {
      List<JsonNode> answers = f.arg("answers");
      Map<Integer, Integer> byEase = new TreeMap<>();
      answers.forEach(a -> byEase.merge(a.path("ease").asInt(), 1, Integer::sum));
      List<String> buttons = new ArrayList<>();
      byEase.forEach((ease, n) -> buttons.add(n + " " + (ease >= 1 && ease <= 4 ? BUTTONS.get(ease - 1) : "ease " + ease)));
      return "answer " + count(f.changed("cards"), "card") + " (" + String.join(", ", buttons) + "), adding "
          + count(f.inserted("revlog"), "review") + " to their history";
    });
    p.inCollection("forgetCards", f -> "reset " + count(f.changed("cards"), "card")
        + " to new: interval and ease are forgotten, the review history is kept");
    p.inCollection("relearnCards", f -> "put " + count(f.changed("cards"), "card") + " into relearning");
    p.inCollection("setDueDate", f -> {
      String days = f.text("days");
      String range = days.replace("!", "");
      String when = range.equals("0") ? "today" : range.equals("1") ? "tomorrow" : "in " + range + " days";
      return "make " + count(f.changed("cards"), "card") + " due " + when
          + (days.endsWith("!") ? " and set their interval to match" : "");
    });
    p.inCollection("changeDeck", f -> "move " + count(f.changed("cards"), "card") + " to deck " + quote(f.arg("deck"))
        + (f.inserted("decks") > 0 ? ", creating it" : ""));
    p.inCollection("insertReviews", f -> "add " + count(f.inserted("revlog"), "entry") + " to the review history");
  }
}
