package ankid.engine.template;

import ankid.engine.note.NoteText;
import ankid.engine.util.RustStr;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Blake3;

/** Anki's built-in template filters ({@code template_filters.rs}). */
final class Filters {
  private static final Pattern FURIGANA = Pattern.compile(" ?([^ >]+?)\\[(.+?)\\]");

  /** Where a filter chain is applied. */
  record Context(int cardOrd, boolean questionSide, boolean partial) {}

  /** The text after the built-in filters, and the filters left for add-ons (application order). */
  record Result(String text, List<String> remaining) {}

  private Filters() {}

  /**
   * Applies {@code filters} (application order). In partial mode the first unknown filter stops
   * the chain and is returned with the rest; otherwise unknown filters are skipped.
   */
  static Result apply(String text, List<String> filters, String fieldName, Context ctx) {
    filters = collapseType(filters);
    for (int i = 0; i < filters.size(); i++) {
      String out = applyOne(filters.get(i), text, fieldName, ctx);
      if (out != null) {
        text = out;
      } else if (ctx.partial()) {
        return new Result(text, List.copyOf(filters.subList(i, filters.size())));
      }
    }
    return new Result(text, List.of());
  }

  /** {@code type:cloze:F} and {@code type:nc:F} are special; any other chain ending in type is plain type. */
  private static List<String> collapseType(List<String> filters) {
    if (filters.equals(List.of("cloze", "type"))) return List.of("type-cloze");
    if (filters.equals(List.of("nc", "type"))) return List.of("type-nc");
    if (!filters.isEmpty() && filters.get(filters.size() - 1).equals("type")) return List.of("type");
    return filters;
  }

  /** The filtered text, or null if the filter is not a built-in one. */
  private static String applyOne(String filter, String text, String fieldName, Context ctx) {
    return switch (filter) {
      case "text" -> NoteText.stripHtml(text);
      case "furigana" -> ruby(text, Ruby.FURIGANA);
      case "kanji" -> ruby(text, Ruby.KANJI);
      case "kana" -> ruby(text, Ruby.KANA);
      case "type" -> "[[type:" + fieldName + "]]";
      case "type-cloze" -> "[[type:cloze:" + fieldName + "]]";
      case "type-nc" -> "[[type:nc:" + fieldName + "]]";
      case "hint" -> hint(text, fieldName);
      case "cloze" -> Clozes.render(text, ctx.cardOrd() + 1, ctx.questionSide());
      case "cloze-only" -> Clozes.renderOnly(text, ctx.cardOrd() + 1, ctx.questionSide());
      // an empty filter name comes from two colons in a row
      case "" -> text;
      default -> filter.startsWith("tts ") ? tts(filter.substring(4), text) : null;
    };
  }

  private enum Ruby { FURIGANA, KANJI, KANA }

  private static String ruby(String text, Ruby mode) {
    Matcher m = FURIGANA.matcher(text.replace("&nbsp;", " "));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(2).startsWith("sound:")) replacement = m.group();
      else replacement = switch (mode) {
        case KANJI -> m.group(1);
        case KANA -> m.group(2);
        case FURIGANA -> "<ruby><rb>" + m.group(1) + "</rb><rt>" + m.group(2) + "</rt></ruby>";
      };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String hint(String text, String fieldName) {
    if (RustStr.trim(text).isEmpty()) return text;
    // the DOM id must be unique per hint on the page, and stable across renders
    byte[] data = (text + fieldName).getBytes(StandardCharsets.UTF_8);
    String id = HexFormat.of().formatHex(Blake3.hash(data), 0, 8);
    return "\n<a class=hint href=\"#\"\nonclick=\"this.style.display='none';\n"
        + "document.getElementById('hint" + id + "').style.display='block';\n"
        + "return false;\" draggable=false>\n" + fieldName + "</a>\n"
        + "<div id=\"hint" + id + "\" class=hint style=\"display: none\">" + text + "</div>\n";
  }

  private static String tts(String options, String text) {
    return "[anki:tts lang=" + options + "]" + text + "[/anki:tts]";
  }
}
