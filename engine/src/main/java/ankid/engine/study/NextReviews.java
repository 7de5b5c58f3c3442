package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.scheduler.DeckKind;
import ankid.engine.scheduler.DeckPreset;
import ankid.engine.scheduler.FsrsOptions;
import ankid.engine.scheduler.IntervalLabels;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.Scheduler;
import ankid.engine.scheduler.SchedulingInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Again/Hard/Good/Easy labels of a card's answer buttons, as
 * {@code describe_next_states(get_scheduling_states(cid))} gives them
 * (rslib/src/scheduler/answering/mod.rs). "Today" and the presets are read once, so make one
 * instance per request.
 */
public final class NextReviews {
  private static final long DEFAULT_LEARN_AHEAD_SECS = 1200;

  private final Collection col;
  private final SchedTimingToday timing;
  private final long learnAheadSecs;
  private final boolean fsrs;
  private final boolean shortTermWithSteps;
  private final Map<Long, Optional<Deck>> decks = new HashMap<>();
  private final Map<Long, DeckPreset> presets = new HashMap<>();

  NextReviews(Collection col) {
    this.col = col;
    this.timing = col.timing();
    this.learnAheadSecs = col.config().getLong("collapseTime", DEFAULT_LEARN_AHEAD_SECS);
    this.fsrs = col.config().getBool("fsrs", false);
    this.shortTermWithSteps = col.config().getBool("fsrsShortTermWithStepsEnabled", false);
  }

  public List<String> labels(Card card) {
    Optional<Deck> current = deck(card.did());
    DeckKind kind = current.filter(Deck::isFiltered).map(d -> DeckKind.filtered(d.kind().getFiltered()))
        .orElse(DeckKind.NORMAL);
    Optional<Deck> home = deck(card.homeDeckId()).filter(d -> !d.isFiltered());
    DeckPreset preset = presets.computeIfAbsent(card.homeDeckId(), k -> preset(home));
    SchedulingInputs in = new SchedulingInputs(preset, kind, timing, fsrsOptions(preset, home), true);
    return List.of(IntervalLabels.describe(Scheduler.nextStates(card, in), timing, learnAheadSecs));
  }

  /** The home deck's preset; a missing (or filtered) home deck gets the default preset. */
  private DeckPreset preset(Optional<Deck> home) {
    return DeckPreset.fromProto(home.map(d -> col.deckConfigs().forDeck(d))
        .orElseGet(() -> col.deckConfigs().get(ankid.engine.deckconfig.DeckConfig.DEFAULT_ID).orElseThrow())
        .config());
  }

  /**
   * FSRS settings when the collection has FSRS on. Cards without a stored memory state fall back
   * to the scheduler's SM-2 conversion (no revlog replay here).
   */
  private FsrsOptions fsrsOptions(DeckPreset preset, Optional<Deck> home) {
    if (!fsrs) return FsrsOptions.OFF;
    float retention = home.filter(d -> d.kind().getNormal().hasDesiredRetention())
        .map(d -> d.kind().getNormal().getDesiredRetention()).orElse(preset.desiredRetention());
    return new FsrsOptions(true, retention, shortTermWithSteps, null, null);
  }

  private Optional<Deck> deck(long id) {
    return decks.computeIfAbsent(id, k -> col.decks().get(k));
  }
}
