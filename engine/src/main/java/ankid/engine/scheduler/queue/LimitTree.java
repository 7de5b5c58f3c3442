package ankid.engine.scheduler.queue;

import ankid.engine.AnkiException;
import ankid.engine.scheduler.DeckLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The remaining new and review limits of the decks a queue is built from, as a tree (rslib
 * {@code decks/limits.rs}, {@code LimitTreeMap}): a child starts capped by its parent, taking a
 * card decrements the card's deck and every ancestor, and a limit reaching zero caps the whole
 * subtree below it.
 */
public final class LimitTree {
  /** Which limit a card counts against. */
  public enum Kind { REVIEW, NEW }

  /**
   * One deck in tree order (parents before children, as names sort).
   *
   * @param level the number of components of the deck's name
   */
  public record DeckNode(long deckId, int level, DeckLimits.Remaining limits, boolean capNewToReview) {}

  private static final class Node {
    final long deckId;
    final int level;
    final boolean capNewToReview;
    int review;
    int fresh;
    final Node parent;
    final List<Node> children = new ArrayList<>();

    Node(DeckNode d, Node parent) {
      this.deckId = d.deckId();
      this.level = d.level();
      this.capNewToReview = d.capNewToReview();
      this.review = d.limits().review();
      this.fresh = d.limits().fresh();
      this.parent = parent;
    }

    int get(Kind kind) {
      return kind == Kind.REVIEW ? review : fresh;
    }

    void capTo(int maxReview, int maxFresh) {
      review = Math.min(review, maxReview);
      fresh = Math.min(fresh, maxFresh);
    }
  }

  private final Node root;
  private final Map<Long, Node> byDeck = new HashMap<>();

  /** {@code decks.get(0)} is the root; the rest follow in name order. */
  public LimitTree(List<DeckNode> decks) {
    root = new Node(decks.get(0), null);
    byDeck.put(root.deckId, root);
    int[] next = {1};
    addChildren(root, decks, next);
  }

  private void addChildren(Node parent, List<DeckNode> decks, int[] next) {
    while (next[0] < decks.size()) {
      DeckNode d = decks.get(next[0]);
      if (d.level() <= parent.level) return;
      if (d.level() == parent.level + 1) {
        Node child = new Node(d, parent);
        child.capTo(parent.review, parent.fresh);
        parent.children.add(child);
        byDeck.put(child.deckId, child);
        next[0]++;
      } else if (!parent.children.isEmpty()) {
        addChildren(parent.children.get(parent.children.size() - 1), decks, next);
      } else {
        // a deck whose parent is missing is skipped, as in Anki
        next[0]++;
      }
    }
  }

  public boolean rootLimitReached(Kind kind) {
    return root.get(kind) == 0;
  }

  public boolean limitReached(long deckId, Kind kind) {
    return node(deckId).get(kind) == 0;
  }

  public void decrementDeckAndParents(long deckId, Kind kind) {
    for (Node n = node(deckId); n != null; n = n.parent) {
      int reviewBefore = n.review;
      int freshBefore = n.fresh;
      if (kind == Kind.REVIEW) {
        n.review = Math.max(n.review - 1, 0);
        if (n.capNewToReview) n.fresh = Math.min(n.fresh, n.review);
      } else {
        n.fresh = Math.max(n.fresh - 1, 0);
      }
      boolean reachedZero = reviewBefore > 0 && n.review == 0 || freshBefore > 0 && n.fresh == 0;
      if (reachedZero) capSubtree(n, n.review, n.fresh);
    }
  }

  private static void capSubtree(Node n, int review, int fresh) {
    n.capTo(review, fresh);
    for (Node child : n.children) capSubtree(child, review, fresh);
  }

  private Node node(long deckId) {
    Node n = byDeck.get(deckId);
    if (n == null) throw new AnkiException.InvalidInput("deck not found in limits map");
    return n;
  }
}
