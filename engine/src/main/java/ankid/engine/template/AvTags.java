package ankid.engine.template;

import ankid.engine.note.HtmlEntities;
import ankid.engine.note.NoteText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces {@code [sound:…]} tags and {@code [anki:tts …]…[/anki:tts]} directives by
 * {@code [anki:play:q:N]} / {@code [anki:play:a:N]} markers, as Anki's {@code extract_av_tags}
 * does. Text without any of them is returned unchanged; otherwise other {@code [anki:…]}
 * directives are re-written with normalised options.
 */
public final class AvTags {
  /** errors-bad-directive with errors-option-not-set as its (itself isolated) argument. */
  private static final String MISSING_LANG = "[Error in directive '" + TemplateError.isolate("anki:tts")
      + "': " + TemplateError.isolate("'" + TemplateError.isolate("lang") + "' not set") + "]";

  private sealed interface Node {}
  private record Text(String text) implements Node {}
  private record Sound(String file) implements Node {}
  private record Directive(String name, Map<String, String> options, String content) implements Node {}

  private AvTags() {}

  /** A sound, video or text-to-speech tag, in the order the card's markers number them. */
  public sealed interface AvTag {}

  /** {@code [sound:name]}: a file in the media folder. */
  public record SoundOrVideo(String filename) implements AvTag {}

  /** {@code [anki:tts lang=… voices=… speed=…]text[/anki:tts]}, the text stripped for speaking. */
  public record Tts(String text, String lang, List<String> voices, float speed) implements AvTag {}

  /**
   * The tags {@link #extract} numbers, in the same order (rslib {@code card_rendering/mod.rs},
   * {@code extract_av_tags}); a TTS directive without a language is not one.
   */
  public static List<AvTag> tags(String text) {
    if (!mayContain(text)) return List.of();
    List<AvTag> out = new ArrayList<>();
    for (Node node : parse(text)) {
      if (node instanceof Sound s) {
        out.add(new SoundOrVideo(HtmlEntities.decode(s.file())));
      } else if (node instanceof Directive d && d.name().equals("tts") && !d.options().getOrDefault("lang", "").isEmpty()) {
        List<String> voices = new ArrayList<>();
        for (String v : d.options().getOrDefault("voices", "").split(",")) if (!v.isBlank()) voices.add(v.trim());
        float speed = 1f;
        try {
          speed = Float.parseFloat(d.options().getOrDefault("speed", "1"));
        } catch (NumberFormatException ignored) {
          // Anki falls back to normal speed
        }
        out.add(new Tts(NoteText.stripHtmlForTts(d.content()), d.options().get("lang"), voices, speed));
      }
    }
    return out;
  }

  public static String extract(String text, boolean questionSide) {
    if (!mayContain(text)) return text;
    List<Node> nodes = parse(text);
    if (nodes.stream().allMatch(n -> n instanceof Text)) return text;
    String side = questionSide ? "q" : "a";
    int count = 0;
    StringBuilder out = new StringBuilder();
    for (Node node : nodes) {
      if (node instanceof Text t) {
        out.append(t.text());
      } else if (node instanceof Sound) {
        out.append("[anki:play:").append(side).append(':').append(count++).append(']');
      } else {
        Directive d = (Directive) node;
        if (!d.name().equals("tts")) {
          out.append("[anki:").append(d.name());
          d.options().forEach((k, v) -> out.append(' ').append(k).append('=')
              .append(needsQuotes(v) ? "\"" + v + "\"" : v));
          out.append(']').append(d.content()).append("[/anki:").append(d.name()).append(']');
        } else if (d.options().getOrDefault("lang", "").isEmpty()) {
          out.append(MISSING_LANG);
        } else {
          out.append("[anki:play:").append(side).append(':').append(count++).append(']');
        }
      }
    }
    return out.toString();
  }

  /**
   * Every tag opens with {@code [sound:} or {@code [anki:}: text with neither parses to text only,
   * so most cards' sides need not be split into runs at each bracket.
   */
  private static boolean mayContain(String text) {
    return text.contains("[sound:") || text.contains("[anki:");
  }

  private static boolean needsQuotes(String v) {
    return v.chars().anyMatch(c -> c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n');
  }

  private static List<Node> parse(String text) {
    List<Node> nodes = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int[] end = new int[1];
      Node node = sound(text, i, end);
      if (node == null) node = directive(text, i, end);
      if (node == null) {
        // a text run: at least one character, up to the next '['
        int next = text.indexOf('[', i + 1);
        end[0] = next < 0 ? text.length() : next;
        node = new Text(text.substring(i, end[0]));
      }
      nodes.add(node);
      i = end[0];
    }
    return nodes;
  }

  private static Node sound(String text, int i, int[] end) {
    if (!text.startsWith("[sound:", i)) return null;
    int close = text.indexOf(']', i + 7);
    if (close <= i + 7) return null;
    end[0] = close + 1;
    return new Sound(text.substring(i + 7, close));
  }

  private static Node directive(String text, int i, int[] end) {
    if (!text.startsWith("[anki:", i)) return null;
    int j = i + 6;
    int nameEnd = j;
    while (nameEnd < text.length() && "] \t\r\n".indexOf(text.charAt(nameEnd)) < 0) nameEnd++;
    if (nameEnd == j) return null;
    String name = text.substring(j, nameEnd);
    j = skipWhitespace(text, nameEnd);
    Map<String, String> options = new LinkedHashMap<>();
    while (true) {
      int keyEnd = j;
      while (keyEnd < text.length() && "] \t\r\n=".indexOf(text.charAt(keyEnd)) < 0) keyEnd++;
      if (keyEnd == j || keyEnd >= text.length() || text.charAt(keyEnd) != '=') break;
      String key = text.substring(j, keyEnd);
      int v = keyEnd + 1;
      String value;
      int quoteEnd = v < text.length() && text.charAt(v) == '"' ? text.indexOf('"', v + 1) : -1;
      if (quoteEnd >= 0) {
        value = text.substring(v + 1, quoteEnd);
        v = quoteEnd + 1;
      } else {
        int valueEnd = v;
        while (valueEnd < text.length() && "] \t\r\n\"".indexOf(text.charAt(valueEnd)) < 0) valueEnd++;
        value = text.substring(v, valueEnd);
        v = valueEnd;
      }
      options.put(key, value);
      j = skipWhitespace(text, v);
    }
    if (j >= text.length() || text.charAt(j) != ']') return null;
    String closing = "[/anki:" + name + "]";
    int close = text.indexOf(closing, j + 1);
    if (close < 0) return null;
    end[0] = close + closing.length();
    return new Directive(name, options, text.substring(j + 1, close));
  }

  private static int skipWhitespace(String text, int j) {
    while (j < text.length() && " \t\r\n".indexOf(text.charAt(j)) >= 0) j++;
    return j;
  }
}
