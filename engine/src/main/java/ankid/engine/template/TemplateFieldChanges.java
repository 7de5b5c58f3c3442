package ankid.engine.template;

import java.util.Map;
import java.util.Set;

/**
 * Rewrites a notetype's templates after fields were renamed or removed, as Anki does when a
 * notetype is saved. Templates that do not parse are left as they are.
 */
public final class TemplateFieldChanges {
  private TemplateFieldChanges() {}

  /**
   * A question template must keep showing some field (cloze: some cloze field); if it no longer
   * does, {@code {{firstField}}} ({@code {{cloze:firstField}}}) is appended.
   */
  public static String question(String qfmt, Map<String, String> renamed, Set<String> removed, String firstField,
      NotetypeKind kind) {
    return update(qfmt, renamed, removed, firstField, kind, true);
  }

  /** An answer template of a cloze notetype must keep a cloze replacement. */
  public static String answer(String afmt, Map<String, String> renamed, Set<String> removed, String firstField,
      NotetypeKind kind) {
    return update(afmt, renamed, removed, firstField, kind, false);
  }

  private static String update(String text, Map<String, String> renamed, Set<String> removed, String firstField,
      NotetypeKind kind, boolean question) {
    ParsedTemplate template;
    try {
      template = ParsedTemplate.parse(text).renameAndRemoveFields(renamed, removed);
    } catch (TemplateError e) {
      return text;
    }
    boolean cloze = kind == NotetypeKind.CLOZE;
    boolean missingCloze = cloze && !template.containsClozeReplacement();
    if (missingCloze || (question && !template.containsFieldReplacement())) {
      template = template.withFieldReplacement(firstField, cloze);
    }
    return template.toTemplateString();
  }
}
