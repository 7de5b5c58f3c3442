package ankid.engine.sync;

import java.util.ArrayList;
import java.util.List;

/** Deletions one side sends the other (rslib sync/collection/graves.rs {@code Graves}). */
public record Deletions(List<Long> cards, List<Long> decks, List<Long> notes) {
  public static final Deletions NONE = new Deletions(List.of(), List.of(), List.of());

  public Deletions {
    cards = List.copyOf(cards);
    decks = List.copyOf(decks);
    notes = List.copyOf(notes);
  }

  public boolean isEmpty() {
    return cards.isEmpty() && decks.isEmpty() && notes.isEmpty();
  }

  public int size() {
    return cards.size() + decks.size() + notes.size();
  }

  /**
   * Splits into requests of at most {@link #Chunk.SIZE} ids, taken from the end of each list
   * (cards, then notes, then decks) as rslib {@code Deletions::take_chunk} pops them.
   */
  public List<Deletions> chunks() {
    List<Long> c = new ArrayList<>(cards);
    List<Long> n = new ArrayList<>(notes);
    List<Long> d = new ArrayList<>(decks);
    List<Deletions> out = new ArrayList<>();
    while (!c.isEmpty() || !n.isEmpty() || !d.isEmpty()) {
      int limit = Chunk.SIZE;
      List<Long> oc = new ArrayList<>(), on = new ArrayList<>(), od = new ArrayList<>();
      while (limit > 0 && !c.isEmpty()) { oc.add(c.remove(c.size() - 1)); limit--; }
      while (limit > 0 && !n.isEmpty()) { on.add(n.remove(n.size() - 1)); limit--; }
      while (limit > 0 && !d.isEmpty()) { od.add(d.remove(d.size() - 1)); limit--; }
      out.add(new Deletions(oc, od, on));
    }
    return out;
  }

  /** Both sets of deletions together (a server gets the client's graves in several requests). */
  public Deletions plus(Deletions other) {
    List<Long> c = new ArrayList<>(cards), d = new ArrayList<>(decks), n = new ArrayList<>(notes);
    c.addAll(other.cards);
    d.addAll(other.decks);
    n.addAll(other.notes);
    return new Deletions(c, d, n);
  }
}
