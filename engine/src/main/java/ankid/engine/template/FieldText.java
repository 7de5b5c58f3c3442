package ankid.engine.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Anki's notion of an empty field. */
public final class FieldText {
  private static final Pattern EMPTY = Pattern.compile(
      "^(?:[\\t\\n\\x0B\\f\\r ]|</?(?:br|div) ?/?>)*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private FieldText() {}

  /**
   * True if the text is only ASCII whitespace and {@code <br>}/{@code <div>} tags (open, close or
   * self-closing); {@code &nbsp;} counts as content.
   */
  public static boolean isEmpty(String text) {
    // Most fields start with content: only a '<' after the leading whitespace needs the pattern.
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r' || ch == ' ') continue;
      return ch == '<' && EMPTY.matcher(text).matches();
    }
    return true;
  }

  /** The names whose value is not empty. */
  public static Set<String> nonEmptyNames(Map<String, String> fields) {
    Set<String> out = new LinkedHashSet<>();
    fields.forEach((name, value) -> {
      if (!isEmpty(value)) out.add(name);
    });
    return out;
  }
}
