package ankid.engine.deck;

import ankid.engine.Collection;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.scheduler.DeckLimits;
import ankid.engine.scheduler.DeckPreset;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.storage.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Today's due counts of every deck in the collection, as the deck list shows them: gathers raw
 * counts and limits from storage and applies the scheduler's tree summation
 * ({@link ankid.engine.scheduler.DeckCounts}).
 */
public final class DeckCounts {
  private DeckCounts() {}

  /** Nodes by deck id, in tree order; an empty Default deck is hidden, as in Anki. */
  public static Map<Long, ankid.engine.scheduler.DeckCounts.Node> compute(Collection col) {
    SchedTimingToday timing = col.timing();
    long today = timing.daysElapsed();
    long cutoff = timing.now() + col.config().getLong("collapseTime", 1200);
    boolean unbury = col.config().getLong("lastUnburied", 0) < today;
    Map<Long, ankid.engine.scheduler.DeckCounts.Raw> raw = new HashMap<>();
    col.db().query(Sql.load("scheduler/deck-raw-counts.sql"), rs -> {
      raw.put(rs.getLong(1), new ankid.engine.scheduler.DeckCounts.Raw(
          rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
      return null;
    }, today, cutoff, unbury ? 1 : 0);

    List<ankid.engine.scheduler.DeckCounts.Deck> decks = new ArrayList<>();
    for (Deck d : col.decks().all()) {
      decks.add(new ankid.engine.scheduler.DeckCounts.Deck(d.id(), d.name(), limits(col, d),
          raw.getOrDefault(d.id(), ankid.engine.scheduler.DeckCounts.Raw.EMPTY)));
    }
    var options = new ankid.engine.scheduler.DeckCounts.Options(today,
        col.config().getBool("newCardsIgnoreReviewLimit", false),
        col.config().getBool("applyAllParentLimits", false));
    Map<Long, ankid.engine.scheduler.DeckCounts.Node> out = new LinkedHashMap<>();
    for (var node : ankid.engine.scheduler.DeckCounts.compute(decks, options)) out.put(node.deckId(), node);
    return out;
  }

  /** A deck's limit inputs: its preset (Default when missing), overrides and studied counters; filtered decks are unlimited. */
  public static DeckLimits limits(Collection col, Deck d) {
    if (d.isFiltered()) return DeckLimits.filtered();
    Optional<DeckConfig> preset = col.deckConfigs().get(d.configId()).or(() -> col.deckConfigs().get(DeckConfig.DEFAULT_ID));
    if (preset.isEmpty()) return DeckLimits.filtered();
    return DeckLimits.fromDeck(DeckPreset.fromProto(preset.get().config()), d.common(), d.kind().getNormal());
  }
}
