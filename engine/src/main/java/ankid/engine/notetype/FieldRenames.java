package ankid.engine.notetype;

import ankid.engine.template.ParsedTemplate;
import ankid.engine.template.TemplateError;
import ankid.engine.template.TemplateNode;
import ankid.engine.template.TemplateNode.Conditional;
import ankid.engine.template.TemplateNode.NegatedConditional;
import ankid.engine.template.TemplateNode.Replacement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Anki makes templates follow renamed and removed fields when a notetype is saved
 * ({@code update_templates_for_renamed_and_removed_fields}): references to a renamed field take the
 * new name, those to a removed field disappear (a section on it is replaced by its contents), and
 * a side left without a field it needs gets the first field appended. Templates that do not parse
 * are left alone; the others are written back from the parsed tree.
 */
final class FieldRenames {
  private FieldRenames() {}

  /**
   * @param changes old field name → new name, or empty for a removed field
   * @return the template text to store; {@code template} itself when it does not parse
   */
  static String question(String template, Map<String, Optional<String>> changes, String firstField, boolean cloze) {
    ParsedTemplate parsed = parse(template);
    if (parsed == null) return template;
    List<TemplateNode> nodes = new ArrayList<>(rename(parsed.nodes(), changes));
    if (!containsFieldReplacement(nodes) || cloze && !containsClozeReplacement(nodes)) {
      nodes.add(missingReplacement(firstField, cloze));
    }
    return new ParsedTemplate(nodes).toTemplateString();
  }

  static String answer(String template, Map<String, Optional<String>> changes, String firstField, boolean cloze) {
    ParsedTemplate parsed = parse(template);
    if (parsed == null) return template;
    List<TemplateNode> nodes = new ArrayList<>(rename(parsed.nodes(), changes));
    if (cloze && !containsClozeReplacement(nodes)) nodes.add(missingReplacement(firstField, true));
    return new ParsedTemplate(nodes).toTemplateString();
  }

  private static ParsedTemplate parse(String template) {
    try {
      return ParsedTemplate.parse(template);
    } catch (TemplateError e) {
      return null;
    }
  }

  private static List<TemplateNode> rename(List<TemplateNode> nodes, Map<String, Optional<String>> changes) {
    List<TemplateNode> out = new ArrayList<>();
    for (TemplateNode node : nodes) {
      if (node instanceof Replacement r) {
        Optional<String> change = changes.get(r.key());
        if (change == null) out.add(r);
        else change.ifPresent(name -> out.add(new Replacement(name, r.filters())));
      } else if (node instanceof Conditional c) {
        List<TemplateNode> children = rename(c.children(), changes);
        Optional<String> change = changes.get(c.key());
        if (change == null) out.add(new Conditional(c.key(), children));
        else if (change.isPresent()) out.add(new Conditional(change.get(), children));
        else out.addAll(children);
      } else if (node instanceof NegatedConditional n) {
        List<TemplateNode> children = rename(n.children(), changes);
        Optional<String> change = changes.get(n.key());
        if (change == null) out.add(new NegatedConditional(n.key(), children));
        else if (change.isPresent()) out.add(new NegatedConditional(change.get(), children));
        else out.addAll(children);
      } else {
        out.add(node);
      }
    }
    return out;
  }

  private static boolean containsFieldReplacement(List<TemplateNode> nodes) {
    Set<String> keys = new HashSet<>();
    collectReplacementKeys(nodes, keys);
    return !keys.isEmpty();
  }

  private static void collectReplacementKeys(List<TemplateNode> nodes, Set<String> keys) {
    for (TemplateNode node : nodes) {
      if (node instanceof Replacement r) keys.add(r.key());
      else if (node instanceof Conditional c) collectReplacementKeys(c.children(), keys);
      else if (node instanceof NegatedConditional n) collectReplacementKeys(n.children(), keys);
    }
  }

  /** Anki looks only at the top level here, so a cloze inside a section does not count. */
  private static boolean containsClozeReplacement(List<TemplateNode> nodes) {
    return nodes.stream().anyMatch(n -> n instanceof Replacement r && r.filters().contains("cloze"));
  }

  private static Replacement missingReplacement(String field, boolean cloze) {
    return new Replacement(field, cloze ? List.of("cloze") : List.of());
  }
}
