package ankid.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A held request's preview as a few lines a person reads in a confirmation dialog. */
final class PreviewText {
  private PreviewText() {}

  static String of(JsonNode reply) {
    JsonNode preview = reply.path("preview");
    List<String> lines = new ArrayList<>();
    lines.add("Apply this change? " + capitalized(preview.path("intent").asText()) + ".");
    lines.addAll(details(preview));
    for (JsonNode part : preview.path("actions")) {
      lines.add("- " + part.path("intent").asText(part.path("error").asText()));
      details(part).forEach(l -> lines.add("  " + l));
    }
    return String.join("\n", lines);
  }

  private static List<String> details(JsonNode preview) {
    List<String> lines = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (JsonNode n : preview.path("notes")) notes.add("\"" + n.path("text").asText() + "\" (" + n.path("notetype").asText() + ")");
    if (!notes.isEmpty()) lines.add("Notes: " + String.join(", ", notes) + more(preview, "notes", notes.size()));
    List<String> decks = new ArrayList<>();
    for (JsonNode d : preview.path("decks")) decks.add(d.path("deck").asText() + " (" + d.path("cards").asLong() + ")");
    if (!decks.isEmpty()) lines.add("Cards per deck: " + String.join(", ", decks));
    if (preview.has("file")) lines.add("File: " + preview.at("/file/name").asText());
    return lines;
  }

  private static String more(JsonNode preview, String label, int shown) {
    JsonNode counts = preview.path("changes").path(label);
    long total = 0;
    for (JsonNode c : counts) total += c.asLong();
    return total > shown ? " and " + (total - shown) + " more" : "";
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
