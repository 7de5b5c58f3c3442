package ankid.engine.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deck tree's new/learn/review counts as Anki shows them (rslib/src/decks/tree.rs,
 * {@code deck_tree}): raw per-deck counts, daily limits, and v3 summation where a parent never
 * shows more than its own limit.
 */
public final class DeckCounts {
  private DeckCounts() {}

  /** One deck: full name ("A::B"), limits, and its own raw counts (children excluded). */
  public record Deck(long id, String name, DeckLimits limits, Raw raw) {}

  /** Cards whose {@code did} is the deck: queue 0; queue 2 due; queue 3 due; queue 1/4 due soon; all. */
  public record Raw(int fresh, int review, int interdayLearning, int intradayLearning, int total) {
    public static final Raw EMPTY = new Raw(0, 0, 0, 0, 0);
  }

  /** Collection config flags that change the rules. */
  public record Options(long today, boolean newCardsIgnoreReviewLimit, boolean applyAllParentLimits) {}

  /** A deck as shown in the tree (and by getDeckStats), depth-first in name order. */
  public record Node(long deckId, String name, int level, int newCount, int learnCount,
      int reviewCount, int totalInDeck, int totalIncludingChildren) {}

  public static List<Node> compute(List<Deck> decks, Options options) {
    Map<String, Deck> byName = new HashMap<>();
    for (Deck d : decks) byName.put(key(d.name()), d);
    Map<String, List<Deck>> children = new HashMap<>();
    List<Deck> roots = new ArrayList<>();
    for (Deck d : decks) {
      int sep = d.name().lastIndexOf("::");
      String parent = sep < 0 ? null : key(d.name().substring(0, sep));
      if (parent != null && byName.containsKey(parent)) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(d);
      } else {
        roots.add(d);
      }
    }
    Comparator<Deck> order = Comparator.comparing(d -> key(d.name()));
    roots.sort(order);
    children.values().forEach(l -> l.sort(order));
    List<Node> out = new ArrayList<>();
    for (Deck root : roots) {
      if (hiddenDefault(root, children, decks.size())) continue;
      visit(root, null, 1, children, options, out);
    }
    return out;
  }

  /** Default is hidden when empty, childless and not the only deck. */
  private static boolean hiddenDefault(Deck d, Map<String, List<Deck>> children, int deckCount) {
    return d.id() == 1 && d.raw().total() == 0 && !children.containsKey(key(d.name())) && deckCount > 1;
  }

  private static Summed visit(Deck deck, DeckLimits.Remaining parentLimits, int level,
      Map<String, List<Deck>> children, Options options, List<Node> out) {
    DeckLimits.Remaining limits = deck.limits().remaining(options.today(), options.newCardsIgnoreReviewLimit());
    if (options.applyAllParentLimits() && parentLimits != null) limits = limits.cappedBy(parentLimits);
    int index = out.size();
    out.add(null);
    Raw r = deck.raw();
    long fresh = r.fresh(), review = r.review(), interday = r.interdayLearning(),
        intraday = r.intradayLearning(), total = r.total();
    for (Deck child : children.getOrDefault(key(deck.name()), List.of())) {
      Summed c = visit(child, limits, level + 1, children, options, out);
      fresh += c.fresh;
      review += c.review;
      interday += c.interday;
      intraday += c.intraday;
      total += c.total;
    }
    interday = Math.min(interday, limits.review());
    long remaining = limits.review() - interday;
    review = Math.min(review, remaining);
    fresh = Math.min(fresh, limits.fresh());
    if (!options.newCardsIgnoreReviewLimit()) fresh = Math.min(fresh, Math.max(remaining - review, 0));
    out.set(index, new Node(deck.id(), deck.name(), level, (int) fresh, (int) (intraday + interday),
        (int) review, r.total(), (int) total));
    return new Summed(fresh, review, interday, intraday, total);
  }

  private record Summed(long fresh, long review, long interday, long intraday, long total) {}

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("::", "\u0000");
  }
}
