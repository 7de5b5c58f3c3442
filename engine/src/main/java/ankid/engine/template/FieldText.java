package ankid.engine.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Anki's notion of an empty field. */
public final class FieldText {
  private FieldText() {}

  /**
   * True if the text is only ASCII whitespace and {@code <br>}/{@code <div>} tags (open, close or
   * self-closing); {@code &nbsp;} counts as content. Anki matches
   * {@code (?xsi)^(?:[[:space:]]|</?(?:br|div)\ ?/?>)*$} (rslib/src/template.rs, {@code field_is_empty}),
   * whose letters fold to their ASCII pairs only; scanned here by hand because every optional part
   * of a tag differs from what follows it, so the first way that matches is the only one.
   */
  public static boolean isEmpty(String text) {
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (isSpace(ch)) {
        i++;
      } else if (ch == '<') {
        i = afterTag(text, i + 1);
        if (i < 0) return false;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char ch) {
    return ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r' || ch == ' ';
  }

  /** The index after {@code /?(br|div) ?/?>} starting at {@code i}, or -1. */
  private static int afterTag(String text, int i) {
    if (at(text, i, '/')) i++;
    if (letter(text, i, 'b') && letter(text, i + 1, 'r')) {
      i += 2;
    } else if (letter(text, i, 'd') && letter(text, i + 1, 'i') && letter(text, i + 2, 'v')) {
      i += 3;
    } else {
      return -1;
    }
    if (at(text, i, ' ')) i++;
    if (at(text, i, '/')) i++;
    return at(text, i, '>') ? i + 1 : -1;
  }

  private static boolean at(String text, int i, char ch) {
    return i < text.length() && text.charAt(i) == ch;
  }

  /** {@code lower} or its ASCII capital. */
  private static boolean letter(String text, int i, char lower) {
    return i < text.length() && (text.charAt(i) | 0x20) == lower;
  }

  /** The names whose value is not empty. */
  public static Set<String> nonEmptyNames(Map<String, String> fields) {
    Set<String> out = new LinkedHashSet<>(fields.size() * 4 / 3 + 1);
    fields.forEach((name, value) -> {
      if (!isEmpty(value)) out.add(name);
    });
    return out;
  }
}
