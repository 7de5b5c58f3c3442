package ankid.server.gate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one action says what it is about to do. {@link #intent} names the operation and its scope in
 * a person's words ("delete 3 notes and their 6 cards"); {@link #details} may add what the generic
 * preview (row counts, touched notes and cards, cards per deck) cannot know.
 */
@FunctionalInterface
public interface Previewer {
  String intent(Facts facts);

  default void details(Facts facts, ObjectNode out) {}
}
