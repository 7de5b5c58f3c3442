package ankid.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AnkiConnect's scan of the field names on templates ({@code plugin/__init__.py,
 * AnkiConnect.modelFieldsOnTemplates}), a regex over the template text rather than Anki's parser:
 * every {@code {{…}}} without {@code # / }} inside, braces removed, the part after the last
 * {@code :} kept, untrimmed.
 */
final class ModelFieldsOnTemplates {
  private static final Pattern TAG = Pattern.compile("\\{\\{[^#/}]+?}}");

  private ModelFieldsOnTemplates() {}

  /** @return the question side's references, then the answer side's not already on the question */
  static List<List<String>> of(String qfmt, String afmt) {
    List<String> question = references(qfmt, List.of());
    return List.of(question, references(afmt, question));
  }

  private static List<String> references(String template, List<String> skip) {
    List<String> out = new ArrayList<>();
    Matcher m = TAG.matcher(template);
    while (m.find()) {
      String inner = m.group().replaceAll("[{}]", "");
      String name = inner.substring(inner.lastIndexOf(':') + 1);
      if (name.equals("FrontSide") || skip.contains(name)) continue;
      out.add(name);
    }
    return out;
  }
}
