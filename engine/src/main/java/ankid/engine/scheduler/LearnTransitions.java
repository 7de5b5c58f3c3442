package ankid.engine.scheduler;

import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.ReviewState;

/**
 * Next states of a learning card (rslib/src/scheduler/states/learning.rs,
 * {@code LearnState::next_states}); a new card is a learning card at step 0 (states/new.rs).
 */
final class LearnTransitions {
  private LearnTransitions() {}

  static NextStates next(CardState current, LearnState s, StateContext ctx) {
    return new NextStates(current, again(s, ctx), hard(s, ctx), good(s, ctx), easy(ctx));
  }

  private static CardState again(LearnState s, StateContext ctx) {
    Long delay = ctx.steps().againDelaySecs();
    if (delay != null) {
      return new LearnState(ctx.steps().remainingForFailed(), delay, 0, memory(ctx, 1));
    }
    return leaveLearning(1, ctx.steps().remainingForFailed(), ctx);
  }

  private static CardState hard(LearnState s, StateContext ctx) {
    Long delay = ctx.steps().hardDelaySecs(s.remainingSteps());
    if (delay != null) return new LearnState(s.remainingSteps(), delay, 0, memory(ctx, 2));
    return leaveLearning(2, s.remainingSteps(), ctx);
  }

  private static CardState good(LearnState s, StateContext ctx) {
    Long delay = ctx.steps().goodDelaySecs(s.remainingSteps());
    int remaining = ctx.steps().remainingForGood(s.remainingSteps());
    if (delay != null) return new LearnState(remaining, delay, 0, memory(ctx, 3));
    return leaveLearning(3, remaining, ctx);
  }

  private static ReviewState easy(StateContext ctx) {
    long[] mm = ctx.minAndMax(1);
    long minimum = mm[0];
    float interval;
    if (ctx.fsrs() != null) {
      long good = ctx.withReviewFuzz(ctx.fsrs().good().interval(), minimum, mm[1]);
      minimum = good + 1;
      interval = Math.max(RustMath.round(ctx.fsrs().easy().interval()), 1f);
    } else {
      interval = ctx.graduatingIntervalEasy();
    }
    return new ReviewState(ctx.withReviewFuzz(interval, minimum, mm[1]), 0,
        ctx.initialEaseFactor(), 0, false, memory(ctx, 4));
  }

  /** Graduation with the good interval (or an FSRS sub-day step when allowed). */
  private static CardState leaveLearning(int rating, int remaining, StateContext ctx) {
    float interval = ctx.fsrs() != null
        ? ctx.fsrs().forRating(rating).interval() : (float) ctx.graduatingIntervalGood();
    if (ctx.fsrsShortTerm(ctx.steps(), interval)) {
      return new LearnState(remaining, RustMath.asU32(interval * 86_400f), 0, memory(ctx, rating));
    }
    long[] mm = ctx.minAndMax(1);
    long days = ctx.withReviewFuzz(Math.max(RustMath.round(interval), 1f), mm[0], mm[1]);
    return new ReviewState(days, 0, ctx.initialEaseFactor(), 0, false, memory(ctx, rating));
  }

  static MemoryState memory(StateContext ctx, int rating) {
    return ctx.fsrs() == null ? null : ctx.fsrs().forRating(rating).memory();
  }
}
