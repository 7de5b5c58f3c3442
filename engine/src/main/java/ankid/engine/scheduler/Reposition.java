package ankid.engine.scheduler;

import ankid.engine.card.Card;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reposition new cards (rslib/src/scheduler/new.rs, {@code sort_cards}). Cards of one note share a
 * position.
 */
public final class Reposition {
  private Reposition() {}

  public enum Order { PRESERVE, NOTE_ID, RANDOM }

  /**
   * @param cards the cards to move, in the caller's order; non-new cards are left alone
   * @param otherNewCards every other new card of the collection, shifted when {@code shift}
   * @return every changed card, keyed by id
   */
  public static Map<Long, Card> reposition(List<Card> cards, List<Card> otherNewCards,
      int start, int step, Order order, boolean shift, Random random) {
    Map<Long, Card> changed = new LinkedHashMap<>();
    if (shift) {
      int by = step * cards.size();
      for (Card c : otherNewCards) {
        if (c.type() == Card.TYPE_NEW && position(c) >= start) changed.put(c.id(), withPosition(c, position(c) + by));
      }
    }
    Map<Long, Integer> positions = notePositions(cards, start, step, order, random);
    for (Card c : cards) {
      if (c.type() != Card.TYPE_NEW) continue;
      Card base = changed.getOrDefault(c.id(), c);
      changed.put(c.id(), withPosition(base, positions.get(c.nid())));
    }
    return changed;
  }

  private static Map<Long, Integer> notePositions(List<Card> cards, int start, int step, Order order, Random random) {
    List<Long> nids = new ArrayList<>(new LinkedHashSet<>(cards.stream().map(Card::nid).toList()));
    if (order == Order.NOTE_ID) Collections.sort(nids);
    if (order == Order.RANDOM) Collections.shuffle(nids, random);
    Map<Long, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < nids.size(); i++) out.put(nids.get(i), start + i * step);
    return out;
  }

  private static int position(Card c) {
    return c.odid() != 0 ? c.odue() : c.due();
  }

  private static Card withPosition(Card c, int position) {
    return c.odid() != 0 ? c.withDecks(c.did(), position, c.odid()) : c.withDue(position);
  }
}
