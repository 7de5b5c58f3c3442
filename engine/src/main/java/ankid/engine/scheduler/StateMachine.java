package ankid.engine.scheduler;

import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.NewState;
import ankid.engine.scheduler.CardState.PreviewState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReschedulingState;
import ankid.engine.scheduler.CardState.ReviewState;

/** Dispatches a current state to its transitions (Anki's {@code CardState::next_states}). */
public final class StateMachine {
  private StateMachine() {}

  public static NextStates next(CardState current, StateContext ctx) {
    if (current instanceof NewState) {
      return LearnTransitions.next(current,
          new LearnState(ctx.steps().remainingForFailed(), 0, 0, null), ctx);
    }
    if (current instanceof LearnState l) return LearnTransitions.next(current, l, ctx);
    if (current instanceof ReviewState r) return ReviewTransitions.next(r, ctx);
    if (current instanceof RelearnState r) return RelearnTransitions.next(r, ctx);
    if (current instanceof PreviewState p) return preview(p, ctx.previewDelays());
    return rescheduling((ReschedulingState) current, ctx);
  }

  private static NextStates preview(PreviewState current, StateContext.PreviewDelays delays) {
    return new NextStates(current, delayOrFinish(delays.again()), delayOrFinish(delays.hard()),
        delayOrFinish(delays.good()), new PreviewState(0, true));
  }

  private static PreviewState delayOrFinish(long secs) {
    return secs == 0 ? new PreviewState(0, true) : new PreviewState(secs, false);
  }

  /** A card whose next state is Review leaves the filtered deck; others stay wrapped. */
  private static NextStates rescheduling(ReschedulingState current, StateContext ctx) {
    NextStates n = next(current.original(), ctx);
    return new NextStates(current, wrap(n.again()), wrap(n.hard()), wrap(n.good()), wrap(n.easy()));
  }

  private static CardState wrap(CardState s) {
    return s instanceof ReviewState ? s : new ReschedulingState(s);
  }
}
