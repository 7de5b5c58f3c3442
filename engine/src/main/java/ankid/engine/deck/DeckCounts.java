package ankid.engine.deck;

import ankid.engine.Collection;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.proto.DeckConfigProto;
import ankid.engine.proto.DecksProto;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.storage.Sql;
import ankid.engine.storage.Unicase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's due counts per deck as Anki's deck list shows them (scheduler doc §13): raw counts per
 * deck, each deck's remaining daily limits, then a depth-first sum in which every node is capped by
 * its own limits (and by its parents' when {@code applyAllParentLimits} is on).
 */
public final class DeckCounts {
  /** One deck list row. */
  public record Counts(long deckId, String name, int newCount, int learnCount, int reviewCount, int totalInDeck) {}

  private record Raw(int fresh, int review, int interday, int intraday, int total) {
    static final Raw NONE = new Raw(0, 0, 0, 0, 0);
  }

  private record Limits(int review, int fresh) {}

  private DeckCounts() {}

  /** Counts for every deck of the tree, by deck id (an empty Default deck is hidden, as in Anki). */
  public static Map<Long, Counts> compute(Collection col) {
    SchedTimingToday timing = col.timing();
    long today = timing.daysElapsed();
    long cutoff = timing.now() + col.config().getLong("collapseTime", 1200);
    boolean unbury = col.config().getLong("lastUnburied", 0) < today;
    Map<Long, Raw> raw = new HashMap<>();
    col.db().query(Sql.load("deck/raw_counts.sql"), rs -> {
      raw.put(rs.getLong(1), new Raw(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
      return null;
    }, today, cutoff, unbury ? 1 : 0);

    List<Deck> decks = col.decks().all();
    Map<String, List<Deck>> children = new HashMap<>();
    List<Deck> roots = new ArrayList<>();
    for (Deck d : decks) {
      String parent = DeckNames.humanParent(d.name());
      if (parent == null) roots.add(d);
      else children.computeIfAbsent(Unicase.fold(parent), k -> new ArrayList<>()).add(d);
    }
    boolean ignoreReviewLimit = col.config().getBool("newCardsIgnoreReviewLimit", false);
    boolean applyParents = col.config().getBool("applyAllParentLimits", false);
    Walk walk = new Walk(col, raw, children, today, ignoreReviewLimit, applyParents);
    Map<Long, Counts> out = new LinkedHashMap<>();
    for (Deck root : roots) {
      boolean hiddenDefault = root.id() == Deck.DEFAULT_ID && decks.size() > 1
          && raw.getOrDefault(root.id(), Raw.NONE).total() == 0
          && !children.containsKey(Unicase.fold(root.name()));
      if (!hiddenDefault) walk.visit(root, null, out);
    }
    return out;
  }

  private record Walk(Collection col, Map<Long, Raw> raw, Map<String, List<Deck>> children, long today,
      boolean ignoreReviewLimit, boolean applyParents) {

    /** Returns the node's capped (new, review, interday, intraday) to add to its parent. */
    int[] visit(Deck deck, Limits parentLimits, Map<Long, Counts> out) {
      Limits limits = limits(deck);
      if (applyParents && parentLimits != null) {
        limits = new Limits(Math.min(limits.review(), parentLimits.review()), Math.min(limits.fresh(), parentLimits.fresh()));
      }
      Raw own = raw.getOrDefault(deck.id(), Raw.NONE);
      long fresh = own.fresh(), review = own.review(), interday = own.interday(), intraday = own.intraday();
      Counts placeholder = new Counts(deck.id(), deck.leafName(), 0, 0, 0, own.total());
      out.put(deck.id(), placeholder);
      for (Deck child : children.getOrDefault(Unicase.fold(deck.name()), List.of())) {
        int[] c = visit(child, limits, out);
        fresh += c[0];
        review += c[1];
        interday += c[2];
        intraday += c[3];
      }
      interday = Math.min(interday, limits.review());
      long rem = limits.review() - interday;
      review = Math.min(review, rem);
      fresh = Math.min(fresh, limits.fresh());
      if (!ignoreReviewLimit) fresh = Math.min(fresh, Math.max(0, rem - review));
      out.put(deck.id(), new Counts(deck.id(), deck.leafName(), (int) fresh, (int) (intraday + interday),
          (int) review, own.total()));
      return new int[] {(int) fresh, (int) review, (int) interday, (int) intraday};
    }

    private Limits limits(Deck deck) {
      if (deck.isFiltered()) return new Limits(9999, 9999);
      var preset = col.deckConfigs().get(deck.configId()).or(() -> col.deckConfigs().get(DeckConfig.DEFAULT_ID));
      if (preset.isEmpty()) return new Limits(9999, 9999);
      DeckConfigProto.DeckConfig.Config p = preset.get().config();
      DecksProto.Deck.Normal n = deck.kind().getNormal();
      DecksProto.Deck.Common common = deck.common();
      boolean studiedToday = common.getLastDayStudied() == today;
      long review = n.hasReviewLimitToday() && n.getReviewLimitToday().getToday() == today
          ? n.getReviewLimitToday().getLimit()
          : n.hasReviewLimit() ? n.getReviewLimit() : p.getReviewsPerDay();
      long fresh = n.hasNewLimitToday() && n.getNewLimitToday().getToday() == today
          ? n.getNewLimitToday().getLimit()
          : n.hasNewLimit() ? n.getNewLimit() : p.getNewPerDay();
      int newStudied = studiedToday ? common.getNewStudied() : 0;
      int reviewStudied = studiedToday ? common.getReviewStudied() : 0;
      review -= reviewStudied;
      fresh -= newStudied;
      if (!ignoreReviewLimit) {
        review -= newStudied;
        fresh = Math.min(fresh, review);
      }
      return new Limits((int) Math.max(0, review), (int) Math.max(0, fresh));
    }
  }
}
