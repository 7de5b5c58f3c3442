package ankid.server.gate;

import ankid.engine.Collection;
import ankid.engine.storage.RowChanges;
import ankid.server.api.ActionRegistry.BoundCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link Previewer} knows about a call: its bound parameters, what a rolled-back run of it
 * changed ({@code changes}; null for actions that are not run ahead), and the collection to read
 * names from. Also the small text helpers every intent needs.
 */
public record Facts(BoundCall call, RowChanges changes, Collection col) {
  public <T> T arg(String name) {
    return call.arg(name);
  }

  /** A text parameter given as JSON (AnkiConnect takes many as any JSON value). */
  public String text(String name) {
    Object v = call.arg(name);
    if (v instanceof JsonNode n) return n.isTextual() ? n.asText() : n.toString();
    return String.valueOf(v);
  }

  public boolean ranAhead() {
    return changes != null;
  }

  public int inserted(String table) {
    return changes == null ? 0 : changes.of(table).inserted();
  }

  /**
   * Rows changed in place. For notes and cards, distinct ones (a note saved twice by one request is
   * one changed note); for the rest, row updates.
   */
  public int changed(String table) {
    if (changes == null) return 0;
    RowChanges.Counts c = changes.of(table);
    return switch (table) {
      case "notes" -> Math.max(0, changes.notes().count() - c.inserted() - c.deleted());
      case "cards" -> Math.max(0, changes.cards().count() - c.inserted() - c.deleted());
      default -> c.updated();
    };
  }

  public int deleted(String table) {
    return changes == null ? 0 : changes.of(table).deleted();
  }

  /** Distinct notes the run touched (added, edited or deleted). */
  public int touchedNotes() {
    return changes == null ? 0 : changes.notes().count();
  }

  public int touchedCards() {
    return changes == null ? 0 : changes.cards().count();
  }

  /** "1 note", "3 notes". */
  public static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : plural(noun));
  }

  private static String plural(String noun) {
    if (noun.endsWith("y") && !noun.endsWith("ey")) return noun.substring(0, noun.length() - 1) + "ies";
    if (noun.endsWith("s") || noun.endsWith("x")) return noun + "es";
    return noun + "s";
  }

  /** "its" or "their", for a count of things. */
  public static String their(long n) {
    return n == 1 ? "its" : "their";
  }

  /** A name in quotes, as a person would write it in a sentence. */
  public static String quote(String name) {
    return "\"" + name + "\"";
  }

  /** A file's size as a person reads it: "512 bytes", "3 KB". */
  public static String kilobytes(long bytes) {
    return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KB";
  }

  /** Quoted names joined: "a", "b" and "c"; the first few of a long list, then how many more. */
  public static String names(List<String> names) {
    List<String> quoted = names.stream().limit(5).map(Facts::quote).toList();
    String more = names.size() > 5 ? " and " + (names.size() - 5) + " more" : "";
    if (quoted.size() <= 1 || !more.isEmpty()) return String.join(", ", quoted) + more;
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }

  /** An id AnkiConnect takes as any JSON value (0 when it is not a number). */
  public static long id(JsonNode v) {
    if (v == null) return 0;
    if (v.isNumber()) return v.asLong();
    try {
      return Long.parseLong(v.asText().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The strings of a JSON array (or a single string) parameter. */
  public static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) return List.of();
    if (node.isTextual()) return List.of(node.asText());
    return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
        .collect(Collectors.toList());
  }
}
