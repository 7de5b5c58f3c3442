package ankid.engine.template;

import java.util.List;

/** One node of a parsed card template. */
public sealed interface TemplateNode {

  /** Literal template text, emitted unchanged. */
  record Text(String text) implements TemplateNode {}

  /** An HTML comment; {@code text} is what lies between {@code <!--} and {@code -->}. */
  record Comment(String text) implements TemplateNode {}

  /**
   * {@code {{f2:f1:key}}}: {@code filters} are in application order, the one nearest the key
   * first ({@code [f1, f2]}).
   */
  record Replacement(String key, List<String> filters) implements TemplateNode {
    public Replacement {
      filters = List.copyOf(filters);
    }
  }

  /** {@code {{#key}}…{{/key}}}. */
  record Conditional(String key, List<TemplateNode> children) implements TemplateNode {
    public Conditional {
      children = List.copyOf(children);
    }
  }

  /** {@code {{^key}}…{{/key}}}. */
  record NegatedConditional(String key, List<TemplateNode> children) implements TemplateNode {
    public NegatedConditional {
      children = List.copyOf(children);
    }
  }
}
