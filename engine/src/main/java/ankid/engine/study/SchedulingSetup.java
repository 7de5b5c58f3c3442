package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.scheduler.DeckKind;
import ankid.engine.scheduler.DeckPreset;
import ankid.engine.scheduler.Fsrs;
import ankid.engine.scheduler.FsrsHistory;
import ankid.engine.scheduler.FsrsOptions;
import ankid.engine.scheduler.MemoryState;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SchedulingInputs;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what the scheduler needs for one card from the collection: the preset of the card's home
 * deck, the kind of its current deck, today's timing and the FSRS options, as
 * rslib/src/scheduler/answering/mod.rs, {@code card_state_updater} does (steps 1–2 of
 * {@link ankid.engine.scheduler}'s package doc). Answering, setting due dates and the interval
 * labels of cardsInfo all come through here.
 *
 * <p>Decks, presets and the FSRS config are read once per instance: make one per operation (within
 * one transaction), so a request over thousands of cards decodes each preset once.
 */
final class SchedulingSetup {
  private final Collection col;
  private final boolean fsrs;
  private final boolean shortTermWithSteps;
  private final Map<Long, Deck> decks = new HashMap<>();
  private final Map<Long, Home> homes = new HashMap<>();

  /** A home deck with its preset, decoded once. */
  private record Home(Deck deck, DeckConfig config, DeckPreset preset, Fsrs[] model) {
    Fsrs fsrsModel() {
      if (model[0] == null) model[0] = Fsrs.fromParams(preset.fsrsParams());
      return model[0];
    }
  }

  SchedulingSetup(Collection col) {
    this.col = col;
    this.fsrs = col.config().getBool("fsrs", false);
    this.shortTermWithSteps = fsrs && col.config().getBool("fsrsShortTermWithStepsEnabled", false);
  }

  SchedulingInputs inputs(Card card, SchedTimingToday timing) {
    Deck current = deck(card.did());
    Home home = home(card);
    DeckKind kind = current.isFiltered() ? DeckKind.filtered(current.kind().getFiltered()) : DeckKind.NORMAL;
    return new SchedulingInputs(home.preset(), kind, timing, fsrs(card, home, timing), true);
  }

  /** The preset of the card's home deck (the Default preset for a missing one, as Anki). */
  DeckPreset homePreset(Card card) {
    return home(card).preset();
  }

  boolean fsrsEnabled() {
    return fsrs;
  }

  /** Anki's deck getter falls back to the Default deck for unknown ids. */
  private Deck deck(long id) {
    return decks.computeIfAbsent(id, col.decks()::getOrDefault);
  }

  private Home home(Card card) {
    return homes.computeIfAbsent(card.homeDeckId(), id -> {
      Deck deck = deck(id);
      DeckConfig config = presetOf(deck);
      return new Home(deck, config, DeckPreset.fromProto(config.config()), new Fsrs[1]);
    });
  }

  private DeckConfig presetOf(Deck home) {
    long id = home.isFiltered() ? DeckConfig.DEFAULT_ID : home.configId();
    return col.deckConfigs().get(id).or(() -> col.deckConfigs().get(DeckConfig.DEFAULT_ID)).orElseThrow();
  }

  private FsrsOptions fsrs(Card card, Home home, SchedTimingToday timing) {
    if (!fsrs) return FsrsOptions.OFF;
    DeckPreset preset = home.preset();
    float retention = preset.desiredRetention();
    if (!home.deck().isFiltered() && home.deck().kind().getNormal().hasDesiredRetention()) {
      retention = home.deck().kind().getNormal().getDesiredRetention();
    }
    MemoryState fromHistory = null;
    Long lastReview = null;
    // the revlog is only consulted when the card itself does not carry what FSRS needs
    if (card.type() != Card.TYPE_NEW && (card.data().memory() == null || card.data().lrt() == null)) {
      List<RevlogEntry> history = col.revlog().ofCard(card.id());
      if (card.data().memory() == null) {
        Fsrs model = home.fsrsModel();
        FsrsHistory.Item item = FsrsHistory.item(history, timing.nextDayAt(),
            ignoreBeforeMs(home.config()), model, preset.historicalRetention());
        if (item != null) fromHistory = FsrsHistory.memory(item, model);
      }
      lastReview = lastGradedReviewSecs(history);
    }
    return new FsrsOptions(true, retention, shortTermWithSteps, fromHistory, lastReview);
  }

  /** The newest graded, non-cramming entry's time (Anki's fallback for a missing {@code lrt}). */
  private static Long lastGradedReviewSecs(List<RevlogEntry> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      RevlogEntry e = history.get(i);
      boolean cramming = e.type() == RevlogEntry.KIND_FILTERED && e.factor() == 0;
      if (e.ease() >= 1 && !cramming) return e.id() / 1000;
    }
    return null;
  }

  /** The preset's "ignore reviews before" date (YYYY-MM-DD, UTC midnight) in ms; 0 = none. */
  static long ignoreBeforeMs(DeckConfig preset) {
    String date = preset.config().getIgnoreRevlogsBeforeDate();
    if (date == null || date.isBlank()) return 0;
    try {
      return LocalDate.parse(date.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }
}
