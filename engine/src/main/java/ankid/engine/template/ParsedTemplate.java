package ankid.engine.template;

import ankid.engine.template.TemplateLexer.CloseToken;
import ankid.engine.template.TemplateLexer.CommentToken;
import ankid.engine.template.TemplateLexer.OpenNegatedToken;
import ankid.engine.template.TemplateLexer.OpenToken;
import ankid.engine.template.TemplateLexer.ReplacementToken;
import ankid.engine.template.TemplateLexer.TextToken;
import ankid.engine.template.TemplateLexer.Token;
import ankid.engine.template.TemplateNode.Comment;
import ankid.engine.template.TemplateNode.Conditional;
import ankid.engine.template.TemplateNode.NegatedConditional;
import ankid.engine.template.TemplateNode.Replacement;
import ankid.engine.template.TemplateNode.Text;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A card template parsed once into an immutable tree; safe to cache and share between threads.
 */
public record ParsedTemplate(List<TemplateNode> nodes) {

  public ParsedTemplate {
    nodes = List.copyOf(nodes);
  }

  /** Parses {@code template}; throws {@link TemplateError} on unbalanced conditionals. */
  public static ParsedTemplate parse(String template) {
    Iterator<Token> tokens = TemplateLexer.tokens(template).iterator();
    return new ParsedTemplate(parseInner(tokens, null));
  }

  private static List<TemplateNode> parseInner(Iterator<Token> tokens, String openKey) {
    List<TemplateNode> nodes = new ArrayList<>();
    while (tokens.hasNext()) {
      Token token = tokens.next();
      if (token instanceof TextToken t) {
        nodes.add(new Text(t.text()));
      } else if (token instanceof CommentToken c) {
        nodes.add(new Comment(c.text()));
      } else if (token instanceof ReplacementToken r) {
        nodes.add(replacement(r.inner()));
      } else if (token instanceof OpenToken o) {
        nodes.add(new Conditional(o.key(), parseInner(tokens, o.key())));
      } else if (token instanceof OpenNegatedToken o) {
        nodes.add(new NegatedConditional(o.key(), parseInner(tokens, o.key())));
      } else {
        String closed = ((CloseToken) token).key();
        if (closed.equals(openKey)) return nodes;
        throw TemplateError.conditionalNotOpen(closed, openKey);
      }
    }
    if (openKey != null) throw TemplateError.conditionalNotClosed(openKey);
    return nodes;
  }

  /** {@code a:b:Field} → key {@code Field}, filters {@code [b, a]} (application order). */
  private static Replacement replacement(String inner) {
    String[] pieces = inner.split(":", -1);
    List<String> filters = new ArrayList<>();
    for (int i = pieces.length - 2; i >= 0; i--) filters.add(pieces[i]);
    return new Replacement(pieces[pieces.length - 1], filters);
  }

  /**
   * True if the template renders something given the names of the non-empty fields (special
   * fields included by the caller); the rule Anki uses for card generation and blank fronts.
   */
  public boolean rendersWithFields(Set<String> nonEmptyFields) {
    return !isEmpty(nonEmptyFields, nodes, true);
  }

  /** As {@link #rendersWithFields}, but negated conditionals always count as entered (legacy reqs). */
  public boolean rendersWithFieldsForReqs(Set<String> nonEmptyFields) {
    return !isEmpty(nonEmptyFields, nodes, false);
  }

  private static boolean isEmpty(Set<String> nonEmpty, List<TemplateNode> nodes, boolean checkNegated) {
    for (TemplateNode node : nodes) {
      if (node instanceof Replacement r) {
        if (nonEmpty.contains(r.key())) return false;
      } else if (node instanceof Conditional c) {
        if (nonEmpty.contains(c.key()) && !isEmpty(nonEmpty, c.children(), checkNegated)) return false;
      } else if (node instanceof NegatedConditional n) {
        boolean skipped = checkNegated && nonEmpty.contains(n.key());
        if (!skipped && !isEmpty(nonEmpty, n.children(), checkNegated)) return false;
      }
    }
    return true;
  }

  /** Writes the tree back as template text (round-trips what {@link #parse} read). */
  public String toTemplateString() {
    StringBuilder buf = new StringBuilder();
    write(buf, nodes);
    return buf.toString();
  }

  private static void write(StringBuilder buf, List<TemplateNode> nodes) {
    for (TemplateNode node : nodes) {
      if (node instanceof Text t) {
        buf.append(t.text());
      } else if (node instanceof Comment c) {
        buf.append(TemplateLexer.COMMENT_START).append(c.text()).append(TemplateLexer.COMMENT_END);
      } else if (node instanceof Replacement r) {
        buf.append("{{");
        for (int i = r.filters().size() - 1; i >= 0; i--) buf.append(r.filters().get(i)).append(':');
        buf.append(r.key()).append("}}");
      } else if (node instanceof Conditional c) {
        buf.append("{{#").append(c.key()).append("}}");
        write(buf, c.children());
        buf.append("{{/").append(c.key()).append("}}");
      } else if (node instanceof NegatedConditional n) {
        buf.append("{{^").append(n.key()).append("}}");
        write(buf, n.children());
        buf.append("{{/").append(n.key()).append("}}");
      }
    }
  }

  /** Keys of all replacements and (non-cloze) conditionals; names need not be real fields. */
  public Set<String> referencedFieldNames() {
    Set<String> out = new LinkedHashSet<>();
    collect(nodes, out, false, true);
    return out;
  }

  /** Fields used with the {@code cloze} filter ({@code {{cloze:Text}}}). */
  public Set<String> clozeFieldNames() {
    Set<String> out = new LinkedHashSet<>();
    collect(nodes, out, true, false);
    return out;
  }

  private static void collect(List<TemplateNode> nodes, Set<String> out, boolean clozeOnly,
      boolean withConditionals) {
    for (TemplateNode node : nodes) {
      if (node instanceof Replacement r) {
        if (!clozeOnly || r.filters().contains("cloze")) out.add(r.key());
      } else if (node instanceof Conditional c) {
        if (withConditionals && !isClozeConditional(c.key())) out.add(c.key());
        collect(c.children(), out, clozeOnly, withConditionals);
      } else if (node instanceof NegatedConditional n) {
        if (withConditionals && !isClozeConditional(n.key())) out.add(n.key());
        collect(n.children(), out, clozeOnly, withConditionals);
      }
    }
  }

  /** True if some replacement (at any depth) inserts a field. */
  public boolean containsFieldReplacement() {
    Set<String> out = new LinkedHashSet<>();
    collect(nodes, out, false, false);
    return !out.isEmpty();
  }

  /** True if some replacement uses the {@code cloze} filter. */
  public boolean containsClozeReplacement() {
    return !clozeFieldNames().isEmpty();
  }

  /** This template with {@code {{field}}} (or {@code {{cloze:field}}}) appended. */
  public ParsedTemplate withFieldReplacement(String field, boolean cloze) {
    List<TemplateNode> out = new ArrayList<>(nodes);
    out.add(new Replacement(field, cloze ? List.of("cloze") : List.of()));
    return new ParsedTemplate(out);
  }

  /**
   * Follows field renames and deletions: references to a renamed field use the new name,
   * replacements of a removed field disappear, and conditionals on a removed field are
   * replaced by their children.
   */
  public ParsedTemplate renameAndRemoveFields(Map<String, String> renamed, Set<String> removed) {
    return new ParsedTemplate(rename(nodes, renamed, removed));
  }

  private static List<TemplateNode> rename(List<TemplateNode> nodes, Map<String, String> renamed, Set<String> removed) {
    List<TemplateNode> out = new ArrayList<>();
    for (TemplateNode node : nodes) {
      if (node instanceof Replacement r) {
        if (!removed.contains(r.key())) out.add(new Replacement(renamed.getOrDefault(r.key(), r.key()), r.filters()));
      } else if (node instanceof Conditional c) {
        List<TemplateNode> children = rename(c.children(), renamed, removed);
        if (removed.contains(c.key())) out.addAll(children);
        else out.add(new Conditional(renamed.getOrDefault(c.key(), c.key()), children));
      } else if (node instanceof NegatedConditional n) {
        List<TemplateNode> children = rename(n.children(), renamed, removed);
        if (removed.contains(n.key())) out.addAll(children);
        else out.add(new NegatedConditional(renamed.getOrDefault(n.key(), n.key()), children));
      } else {
        out.add(node);
      }
    }
    return out;
  }

  /** {@code c} followed by a number that fits Rust's u32 ({@code c1}, {@code c12}). */
  static boolean isClozeConditional(String key) {
    if (key.length() < 2 || key.charAt(0) != 'c') return false;
    String digits = key.substring(1);
    // Rust's u32::from_str accepts a leading '+'
    if (digits.startsWith("+")) digits = digits.substring(1);
    if (digits.isEmpty() || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return false;
    try {
      return Long.parseLong(digits) <= 0xFFFF_FFFFL;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
