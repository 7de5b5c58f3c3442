package ankid.engine.template;

import java.util.List;

/** A piece of rendered template output. */
public sealed interface RenderedNode {

  /** Finished HTML. */
  record Text(String text) implements RenderedNode {}

  /**
   * A replacement whose filter chain reached a filter Anki's core does not know (or
   * {@code FrontSide}, which the caller fills in): {@code currentText} is the field after the
   * built-in filters, {@code filters} what is left, in application order.
   */
  record Pending(String fieldName, String currentText, List<String> filters) implements RenderedNode {
    public Pending {
      filters = List.copyOf(filters);
    }
  }
}
