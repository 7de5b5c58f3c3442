package ankid.engine.template;

import ankid.engine.template.TemplateNode.Comment;
import ankid.engine.template.TemplateNode.Conditional;
import ankid.engine.template.TemplateNode.NegatedConditional;
import ankid.engine.template.TemplateNode.Replacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders one parsed template against a field map ({@code render_into} in Anki's template.rs). */
final class TemplateRenderer {

  /**
   * @param fields field map (note fields, special fields, {@code c<ord+1>})
   * @param nonEmpty names of the entries that are not empty
   * @param frontSide null while rendering the question; the question text (or "" when it is
   *     left pending) while rendering the answer
   * @param partial leave unknown filters and FrontSide as {@link RenderedNode.Pending}
   */
  record Context(Map<String, String> fields, Set<String> nonEmpty, int cardOrd, String frontSide,
      boolean partial) {
    Filters.Context filterContext() {
      return new Filters.Context(cardOrd, frontSide == null, partial);
    }
  }

  private TemplateRenderer() {}

  static List<RenderedNode> render(ParsedTemplate template, Context ctx) {
    Output out = new Output();
    renderInto(out, template.nodes(), ctx);
    return out.finish();
  }

  /** Collects nodes, merging adjacent text as Anki does (one Text node between pendings). */
  private static final class Output {
    private final List<RenderedNode> nodes = new ArrayList<>();
    private StringBuilder text;

    void append(String s) {
      if (text == null) text = new StringBuilder();
      text.append(s);
    }

    void add(RenderedNode.Pending pending) {
      flush();
      nodes.add(pending);
    }

    private void flush() {
      if (text != null) nodes.add(new RenderedNode.Text(text.toString()));
      text = null;
    }

    List<RenderedNode> finish() {
      flush();
      return List.copyOf(nodes);
    }
  }

  private static void renderInto(Output out, List<TemplateNode> nodes, Context ctx) {
    for (TemplateNode node : nodes) {
      if (node instanceof TemplateNode.Text t) {
        out.append(t.text());
      } else if (node instanceof Comment c) {
        out.append(TemplateLexer.COMMENT_START + c.text() + TemplateLexer.COMMENT_END);
      } else if (node instanceof Replacement r) {
        replace(out, r, ctx);
      } else if (node instanceof Conditional c) {
        // children are rendered even when discarded, so that their errors surface
        boolean taken = evaluate(c.key(), false, ctx);
        renderInto(taken ? out : new Output(), c.children(), ctx);
      } else if (node instanceof NegatedConditional n) {
        boolean taken = evaluate(n.key(), true, ctx);
        renderInto(taken ? out : new Output(), n.children(), ctx);
      }
    }
  }

  private static void replace(Output out, Replacement r, Context ctx) {
    if (r.key().equals("FrontSide")) {
      // filters on FrontSide are ignored
      if (ctx.partial()) out.add(new RenderedNode.Pending("FrontSide", "", List.of()));
      else out.append(ctx.frontSide() == null ? "" : ctx.frontSide());
      return;
    }
    if (r.key().isEmpty() && !r.filters().isEmpty()) {
      // {{filter:}} lets an add-on filter produce text from nothing
      if (ctx.partial()) out.add(new RenderedNode.Pending("", "", r.filters()));
      return;
    }
    String value = ctx.fields().get(r.key());
    if (value == null) {
      StringBuilder written = new StringBuilder();
      for (int i = r.filters().size() - 1; i >= 0; i--) written.append(r.filters().get(i)).append(':');
      throw TemplateError.fieldNotFound(r.key(), written.toString());
    }
    Filters.Result result = Filters.apply(value, r.filters(), r.key(), ctx.filterContext());
    if (result.remaining().isEmpty()) out.append(result.text());
    else out.add(new RenderedNode.Pending(r.key(), result.text(), result.remaining()));
  }

  private static boolean evaluate(String key, boolean negated, Context ctx) {
    if (ctx.nonEmpty().contains(key)) return !negated;
    if (ctx.fields().containsKey(key) || ParsedTemplate.isClozeConditional(key)) return negated;
    throw TemplateError.noSuchConditional((negated ? "^" : "#") + key);
  }
}
