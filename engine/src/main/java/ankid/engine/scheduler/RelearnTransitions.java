package ankid.engine.scheduler;

import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReviewState;

/**
 * Next states of a relearning card (rslib/src/scheduler/states/relearning.rs,
 * {@code RelearnState::next_states}).
 */
final class RelearnTransitions {
  private RelearnTransitions() {}

  static NextStates next(RelearnState s, StateContext ctx) {
    return new NextStates(s, again(s, ctx), hard(s, ctx), good(s, ctx), easy(s, ctx));
  }

  private static CardState again(RelearnState s, StateContext ctx) {
    MemoryState memory = LearnTransitions.memory(ctx, 1);
    Long delay = ctx.relearnSteps().againDelaySecs();
    if (delay != null) {
      ReviewState review = withDays(s.review(),
          ReviewTransitions.failingInterval(s.review().scheduledDays(), ctx), memory);
      return new RelearnState(
          new LearnState(ctx.relearnSteps().remainingForFailed(), delay, 0, memory), review);
    }
    return finish(s, 1, ctx.relearnSteps().remainingForFailed(), ctx);
  }

  private static CardState hard(RelearnState s, StateContext ctx) {
    MemoryState memory = LearnTransitions.memory(ctx, 2);
    int remaining = s.learning().remainingSteps();
    Long delay = ctx.relearnSteps().hardDelaySecs(remaining);
    if (delay != null) {
      return new RelearnState(new LearnState(remaining, delay, 0, memory),
          withDays(s.review(), s.review().scheduledDays(), memory));
    }
    return finish(s, 2, remaining, ctx);
  }

  private static CardState good(RelearnState s, StateContext ctx) {
    MemoryState memory = LearnTransitions.memory(ctx, 3);
    int remaining = ctx.relearnSteps().remainingForGood(s.learning().remainingSteps());
    Long delay = ctx.relearnSteps().goodDelaySecs(s.learning().remainingSteps());
    if (delay != null) {
      return new RelearnState(new LearnState(remaining, delay, 0, memory),
          withDays(s.review(), s.review().scheduledDays(), memory));
    }
    return finish(s, 3, remaining, ctx);
  }

  private static ReviewState easy(RelearnState s, StateContext ctx) {
    MemoryState memory = LearnTransitions.memory(ctx, 4);
    if (ctx.fsrs() == null) return withDays(s.review(), s.review().scheduledDays() + 1, memory);
    long[] mm = ctx.minAndMax(1);
    long good = ctx.withReviewFuzz(ctx.fsrs().good().interval(), mm[0], mm[1]);
    float easy = Math.max(RustMath.round(ctx.fsrs().easy().interval()), 1f);
    return withDays(s.review(), ctx.withReviewFuzz(easy, good + 1, mm[1]), memory);
  }

  /** Leaving relearning: SM-2 keeps the post-lapse interval; FSRS uses (fuzzed) its own. */
  private static CardState finish(RelearnState s, int rating, int remaining, StateContext ctx) {
    MemoryState memory = LearnTransitions.memory(ctx, rating);
    if (ctx.fsrs() == null) {
      ReviewState r = s.review();
      return new ReviewState(r.scheduledDays(), r.elapsedDays(), r.easeFactor(), r.lapses(), r.leeched(), null);
    }
    float interval = ctx.fsrs().forRating(rating).interval();
    if (ctx.fsrsShortTerm(ctx.relearnSteps(), interval)) {
      return new RelearnState(
          new LearnState(remaining, RustMath.asU32(interval * 86_400f), 0, memory),
          withDays(s.review(), s.review().scheduledDays(), memory));
    }
    long[] mm = ctx.minAndMax(1);
    long days = ctx.withReviewFuzz(Math.max(RustMath.round(interval), 1f), mm[0], mm[1]);
    return withDays(s.review(), days, memory);
  }

  private static ReviewState withDays(ReviewState r, long days, MemoryState memory) {
    return new ReviewState(days, 0, r.easeFactor(), r.lapses(), r.leeched(), memory);
  }
}
