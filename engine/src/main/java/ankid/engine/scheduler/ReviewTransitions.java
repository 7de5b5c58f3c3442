package ankid.engine.scheduler;

import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReviewState;

/**
 * Next states of a review card (rslib/src/scheduler/states/review.rs,
 * {@code ReviewState::next_states}).
 */
final class ReviewTransitions {
  static final float EASE_AGAIN_DELTA = -0.2f, EASE_HARD_DELTA = -0.15f, EASE_EASY_DELTA = 0.15f,
      MINIMUM_EASE = 1.3f;

  private ReviewTransitions() {}

  static NextStates next(ReviewState s, StateContext ctx) {
    long[] passing = ctx.fsrs() != null ? fsrsPassing(s, ctx)
        : s.daysLate() < 0 ? earlyPassing(s, ctx) : nonEarlyPassing(s, ctx);
    MemoryState hardMem = LearnTransitions.memory(ctx, 2);
    MemoryState goodMem = LearnTransitions.memory(ctx, 3);
    MemoryState easyMem = LearnTransitions.memory(ctx, 4);
    return new NextStates(s, again(s, ctx),
        new ReviewState(passing[0], 0, Math.max(s.easeFactor() + EASE_HARD_DELTA, MINIMUM_EASE),
            s.lapses(), s.leeched(), hardMem),
        new ReviewState(passing[1], 0, s.easeFactor(), s.lapses(), s.leeched(), goodMem),
        new ReviewState(passing[2], 0, s.easeFactor() + EASE_EASY_DELTA, s.lapses(), s.leeched(),
            easyMem));
  }

  private static CardState again(ReviewState s, StateContext ctx) {
    int lapses = s.lapses() + 1;
    MemoryState memory = LearnTransitions.memory(ctx, 1);
    float fsrsInterval = ctx.fsrs() != null ? ctx.fsrs().again().interval() : 0f;
    ReviewState lapsed = new ReviewState(failingInterval(s.scheduledDays(), ctx), 0,
        Math.max(s.easeFactor() + EASE_AGAIN_DELTA, MINIMUM_EASE), lapses,
        StateContext.leechThresholdMet(lapses, ctx.leechThreshold()), memory);
    Long delay = ctx.relearnSteps().againDelaySecs();
    if (delay != null) {
      return new RelearnState(
          new LearnState(ctx.relearnSteps().remainingForFailed(), delay, 0, memory), lapsed);
    }
    if (ctx.fsrsShortTerm(ctx.relearnSteps(), fsrsInterval)) {
      return new RelearnState(new LearnState(ctx.relearnSteps().remainingForFailed(),
          RustMath.asU32(fsrsInterval * 86_400f), 0, memory), lapsed);
    }
    return lapsed;
  }

  /** Post-lapse interval; FSRS defers fuzz to the end of relearning. */
  static long failingInterval(long scheduledDays, StateContext ctx) {
    if (ctx.fsrs() != null) return RustMath.asU32(Math.max(RustMath.round(ctx.fsrs().again().interval()), 1f));
    long[] mm = ctx.minAndMax(ctx.minimumLapseInterval());
    float lapseIvl = ctx.withReviewFuzz(Math.max(scheduledDays, 1) * ctx.lapseMultiplier(), mm[0], mm[1]);
    return Math.max(RustMath.roundU32(lapseIvl), 1);
  }

  private static long[] nonEarlyPassing(ReviewState s, StateContext ctx) {
    float current = Math.max(s.scheduledDays(), 1);
    float daysLate = Math.max(s.daysLate(), 0);
    float hf = ctx.hardMultiplier();
    long hardMin = hf <= 1f ? 0 : s.scheduledDays() + 1;
    long hard = constrain(ctx, current * hf, hardMin, true);
    long goodMin = hf <= 1f ? s.scheduledDays() + 1 : hard + 1;
    long good = constrain(ctx, (current + daysLate / 2f) * s.easeFactor(), goodMin, true);
    long easy = constrain(ctx, (current + daysLate) * s.easeFactor() * ctx.easyMultiplier(), good + 1, true);
    return new long[] {hard, good, easy};
  }

  /** Reviewing before the due date in a rescheduling filtered deck ({@code passing_early_review_intervals}). */
  private static long[] earlyPassing(ReviewState s, StateContext ctx) {
    float scheduled = Math.max(s.scheduledDays(), 1);
    float elapsed = s.elapsedDays();
    float hf = ctx.hardMultiplier();
    long hard = constrain(ctx, Math.max(elapsed * hf, scheduled * (hf / 2f)), 0, false);
    float goodBase = Math.max(elapsed * s.easeFactor(), scheduled);
    long good = constrain(ctx, goodBase, 0, false);
    float eb = ctx.easyMultiplier();
    long easy = constrain(ctx, goodBase * (eb - (eb - 1f) / 2f), 0, false);
    return new long[] {hard, good, easy};
  }

  private static long constrain(StateContext ctx, float interval, long minimum, boolean fuzz) {
    float x = interval * ctx.intervalMultiplier();
    long[] mm = ctx.minAndMax(minimum);
    return fuzz ? ctx.withReviewFuzz(x, mm[0], mm[1]) : RustMath.clamp(RustMath.roundU32(x), mm[0], mm[1]);
  }

  private static long[] fsrsPassing(ReviewState s, StateContext ctx) {
    long max = ctx.minAndMax(1)[1];
    float h = ctx.fsrs().hard().interval(), g = ctx.fsrs().good().interval(), e = ctx.fsrs().easy().interval();
    long hard = ctx.withReviewFuzz(h, Math.max(minFuzz(h, s.scheduledDays(), max), 1), max);
    long good = ctx.withReviewFuzz(g, Math.max(minFuzz(g, s.scheduledDays(), max), hard + 1), max);
    long easy = ctx.withReviewFuzz(e, Math.max(minFuzz(e, s.scheduledDays(), max), good + 1), max);
    return new long[] {hard, good, easy};
  }

  /** FSRS: don't let a passing answer shrink the interval below the previous one when fuzz allows. */
  static long minFuzz(float interval, long previous, long maximum) {
    if (RustMath.round(interval) > previous) return previous + 1;
    long upper = Fuzz.constrainedBounds(interval, 1, maximum)[1];
    return previous <= upper ? previous : 0;
  }
}
