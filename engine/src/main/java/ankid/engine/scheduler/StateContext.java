package ankid.engine.scheduler;

/**
 * Everything the state transitions need besides the state itself (Anki's {@code StateContext}).
 *
 * @param fuzzFactor review fuzz factor, null = fuzz disabled (as in Anki's unit tests)
 * @param fuzzSeed seed of this answer (card id + reps), null = no learning fuzz
 * @param fsrs FSRS memory states and float intervals for each rating, null when FSRS is off
 * @param fsrsAllowShortTerm parameters permit sub-day FSRS intervals (w17 > 0 and w18 > 0)
 * @param loadBalancer replaces fuzz for short intervals when Anki would use it; null = off
 */
public record StateContext(
    Float fuzzFactor,
    Long fuzzSeed,
    LearningSteps steps,
    LearningSteps relearnSteps,
    long graduatingIntervalGood,
    long graduatingIntervalEasy,
    float initialEaseFactor,
    float hardMultiplier,
    float easyMultiplier,
    float intervalMultiplier,
    long maximumReviewInterval,
    long minimumLapseInterval,
    float lapseMultiplier,
    long leechThreshold,
    FsrsNextStates fsrs,
    boolean fsrsAllowShortTerm,
    boolean fsrsShortTermWithSteps,
    PreviewDelays previewDelays,
    LoadBalancer loadBalancer) {

  /** Filtered-deck preview delays in seconds; 0 = finished. Defaults 60 / 600 / 0. */
  public record PreviewDelays(long again, long hard, long good) {
    public static final PreviewDelays DEFAULT = new PreviewDelays(60, 600, 0);
  }

  public static StateContext of(DeckPreset p, Float fuzzFactor, Long fuzzSeed, FsrsNextStates fsrs,
      boolean fsrsAllowShortTerm, boolean fsrsShortTermWithSteps, PreviewDelays previewDelays) {
    return new StateContext(fuzzFactor, fuzzSeed, new LearningSteps(p.learnSteps()),
        new LearningSteps(p.relearnSteps()), p.graduatingIntervalGood(), p.graduatingIntervalEasy(),
        p.initialEase(), p.hardMultiplier(), p.easyMultiplier(), p.intervalMultiplier(),
        p.maximumReviewInterval(), p.minimumLapseInterval(), p.lapseMultiplier(),
        p.leechThreshold(), fsrs, fsrsAllowShortTerm, fsrsShortTermWithSteps, previewDelays, null);
  }

  public StateContext withLoadBalancer(LoadBalancer balancer) {
    return new StateContext(fuzzFactor, fuzzSeed, steps, relearnSteps, graduatingIntervalGood,
        graduatingIntervalEasy, initialEaseFactor, hardMultiplier, easyMultiplier, intervalMultiplier,
        maximumReviewInterval, minimumLapseInterval, lapseMultiplier, leechThreshold, fsrs,
        fsrsAllowShortTerm, fsrsShortTermWithSteps, previewDelays, balancer);
  }

  /** (minimum, maximum) with maximum ≥ 1 and minimum clamped into [1, maximum]. */
  long[] minAndMax(long minimum) {
    long max = Math.max(maximumReviewInterval, 1);
    return new long[] {RustMath.clamp(minimum, 1, max), max};
  }

  long withReviewFuzz(float interval, long minimum, long maximum) {
    if (loadBalancer != null && fuzzSeed != null) {
      Long balanced = loadBalancer.interval(interval, minimum, maximum, fuzzSeed);
      if (balanced != null) return balanced;
    }
    return Fuzz.review(fuzzFactor, interval, minimum, maximum);
  }

  /** Sub-day FSRS scheduling replaces steps only when steps are empty (or enabled with steps). */
  boolean fsrsShortTerm(LearningSteps stepsInUse, float interval) {
    return fsrs != null && fsrsAllowShortTerm && (fsrsShortTermWithSteps || stepsInUse.isEmpty())
        && interval < 0.5f;
  }

  /**
   * At the threshold, then every half-threshold (rounded up) after it
   * (rslib/src/scheduler/states/review.rs, {@code leech_threshold_met}).
   */
  static boolean leechThresholdMet(long lapses, long threshold) {
    if (threshold == 0) return false;
    long halfThreshold = Math.max((threshold + 1) / 2, 1);
    return lapses >= threshold && (lapses - threshold) % halfThreshold == 0;
  }
}
