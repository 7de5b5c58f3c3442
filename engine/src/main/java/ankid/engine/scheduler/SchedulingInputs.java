package ankid.engine.scheduler;

/**
 * What besides the card row the scheduler needs: the home deck's preset, the current deck's
 * kind, today's timing, FSRS settings, whether fuzz is on (always, outside Anki's own tests), and
 * the optional load balancer.
 */
public record SchedulingInputs(DeckPreset preset, DeckKind deck, SchedTimingToday timing,
    FsrsOptions fsrs, boolean fuzz, LoadBalancer loadBalancer) {

  /** Without the load balancer, as AnkiConnect's answerCards on a fresh backend. */
  public SchedulingInputs(DeckPreset preset, DeckKind deck, SchedTimingToday timing, FsrsOptions fsrs,
      boolean fuzz) {
    this(preset, deck, timing, fsrs, fuzz, null);
  }

  public static SchedulingInputs sm2(DeckPreset preset, SchedTimingToday timing) {
    return new SchedulingInputs(preset, DeckKind.NORMAL, timing, FsrsOptions.OFF, true);
  }
}
