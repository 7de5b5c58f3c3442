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
import java.util.List;

/**
 * Gathers what the scheduler needs for one card from the collection: the preset of the card's home
 * deck, the kind of its current deck, today's timing and the FSRS options, as
 * rslib/src/scheduler/answering/mod.rs, {@code card_state_updater} does (steps 1–2 of
 * {@link ankid.engine.scheduler}'s package doc).
 */
final class SchedulingSetup {
  private final Collection col;

  SchedulingSetup(Collection col) {
    this.col = col;
  }

  SchedulingInputs inputs(Card card, SchedTimingToday timing) {
    Deck home = col.decks().getOrDefault(card.homeDeckId());
    Deck current = col.decks().getOrDefault(card.did());
    DeckPreset preset = homePreset(card);
    DeckKind kind = current.isFiltered() ? DeckKind.filtered(current.kind().getFiltered()) : DeckKind.NORMAL;
    return new SchedulingInputs(preset, kind, timing, fsrs(card, home, preset, timing), true);
  }

  /** The preset of the card's home deck (the Default preset for a missing one, as Anki). */
  DeckPreset homePreset(Card card) {
    return DeckPreset.fromProto(presetOf(col.decks().getOrDefault(card.homeDeckId())).config());
  }

  boolean fsrsEnabled() {
    return col.config().getBool("fsrs", false);
  }

  private DeckConfig presetOf(Deck home) {
    long id = home.isFiltered() ? DeckConfig.DEFAULT_ID : home.configId();
    return col.deckConfigs().get(id).or(() -> col.deckConfigs().get(DeckConfig.DEFAULT_ID)).orElseThrow();
  }

  private FsrsOptions fsrs(Card card, Deck home, DeckPreset preset,
      SchedTimingToday timing) {
    if (!fsrsEnabled()) return FsrsOptions.OFF;
    float retention = preset.desiredRetention();
    if (!home.isFiltered() && home.kind().getNormal().hasDesiredRetention()) {
      retention = home.kind().getNormal().getDesiredRetention();
    }
    boolean shortTerm = col.config().getBool("fsrsShortTermWithStepsEnabled", false);
    MemoryState fromHistory = null;
    Long lastReview = null;
    // the revlog is only consulted when the card itself does not carry what FSRS needs
    if (card.type() != Card.TYPE_NEW && (card.data().memory() == null || card.data().lrt() == null)) {
      List<RevlogEntry> history = col.revlog().ofCard(card.id());
      Fsrs model = Fsrs.fromParams(preset.fsrsParams());
      if (card.data().memory() == null) {
        FsrsHistory.Item item = FsrsHistory.item(history, timing.nextDayAt(),
            ignoreBeforeMs(presetOf(home)), model, preset.historicalRetention());
        if (item != null) fromHistory = FsrsHistory.memory(item, model);
      }
      lastReview = lastGradedReviewSecs(history);
    }
    return new FsrsOptions(true, retention, shortTerm, fromHistory, lastReview);
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
