package ankid.engine.scheduler;

/**
 * What besides the card row the scheduler needs: the home deck's preset, the current deck's
 * kind, today's timing, FSRS settings, and whether fuzz is on (always, outside Anki's own tests).
 */
public record SchedulingInputs(DeckPreset preset, DeckKind deck, SchedTimingToday timing,
    FsrsOptions fsrs, boolean fuzz) {
  public static SchedulingInputs sm2(DeckPreset preset, SchedTimingToday timing) {
    return new SchedulingInputs(preset, DeckKind.NORMAL, timing, FsrsOptions.OFF, true);
  }
}
