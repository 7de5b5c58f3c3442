package ankid.engine.search;

import java.util.List;

/**
 * One element of a parsed query, as Anki's parser produces it: a flat list per group where
 * {@link And}/{@link Or} sit between the searches (implicit ands are inserted by the parser).
 */
public sealed interface Node permits Node.And, Node.Or, Node.Not, Node.Group, Term {
  record And() implements Node {}

  record Or() implements Node {}

  /** {@code -x}: negates one group or term. */
  record Not(Node node) implements Node {}

  /** {@code (...)}; never empty. */
  record Group(List<Node> nodes) implements Node {
    public Group {
      nodes = List.copyOf(nodes);
    }
  }

  Node AND = new And();
  Node OR = new Or();
}
