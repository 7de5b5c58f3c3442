package ankid.engine.template;

import java.util.List;

/**
 * Both sides of a rendered card as node lists ({@link RenderedNode.Pending} only in partial
 * mode). {@code empty} is true when the front was blank (or, for cloze, the card's cloze number
 * is missing): the question then ends with Anki's explanation and the answer is only that.
 */
public record RenderedCard(List<RenderedNode> question, List<RenderedNode> answer, boolean empty) {

  public RenderedCard {
    question = List.copyOf(question);
    answer = List.copyOf(answer);
  }

  /** The question as text; pending nodes contribute their current text. */
  public String questionText() {
    return join(question);
  }

  public String answerText() {
    return join(answer);
  }

  static String join(List<RenderedNode> nodes) {
    StringBuilder out = new StringBuilder();
    for (RenderedNode node : nodes) {
      if (node instanceof RenderedNode.Text t) out.append(t.text());
      else out.append(((RenderedNode.Pending) node).currentText());
    }
    return out.toString();
  }
}
