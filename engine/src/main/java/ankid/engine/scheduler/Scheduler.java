package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.NewState;
import ankid.engine.scheduler.CardState.PreviewState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReschedulingState;
import ankid.engine.scheduler.CardState.ReviewState;

/**
 * Entry point: a card's current state (rslib/src/scheduler/answering/current.rs,
 * {@code current_card_state}) and its four next states (states/mod.rs, {@code next_states}).
 */
public final class Scheduler {
  private Scheduler() {}

  public static NextStates nextStates(Card card, SchedulingInputs in) {
    MemoryState memory = memory(card, in);
    CardState current = currentState(card, in, memory);
    FsrsNextStates fsrsStates = null;
    boolean shortTermAllowed = false;
    if (in.fsrs().enabled()) {
      Fsrs model = Fsrs.fromParams(in.preset().fsrsParams());
      shortTermAllowed = model.allowsShortTerm();
      long elapsed = card.type() == Card.TYPE_NEW ? 0 : fsrsElapsedDays(card, in);
      fsrsStates = model.nextStates(card.type() == Card.TYPE_NEW ? null : memory,
          in.fsrs().desiredRetention(), elapsed);
    }
    long seed = Fuzz.seed(card.id(), card.reps());
    StateContext ctx = StateContext.of(in.preset(), in.fuzz() ? Fuzz.factor(seed) : null,
        in.fuzz() ? seed : null, fsrsStates, shortTermAllowed, in.fsrs().shortTermWithSteps(),
        in.deck().previewDelays()).withLoadBalancer(in.loadBalancer());
    return StateMachine.next(current, ctx);
  }

  /** The FSRS memory used for this answer: stored, else from history, else from SM-2 data. */
  static MemoryState memory(Card card, SchedulingInputs in) {
    if (!in.fsrs().enabled()) return card.data().memory();
    MemoryState stored = card.data().memory();
    if (stored != null || card.type() == Card.TYPE_NEW) return stored;
    if (in.fsrs().historyMemory() != null) return in.fsrs().historyMemory();
    if (card.ivl() <= 0) return null;
    return Fsrs.fromParams(in.preset().fsrsParams())
        .memoryFromSm2(card.easeFactor(), card.ivl(), in.preset().historicalRetention());
  }

  private static long fsrsElapsedDays(Card card, SchedulingInputs in) {
    Long last = card.data().lrt() != null ? card.data().lrt() : in.fsrs().lastReviewFromRevlog();
    return last == null ? 0 : SchedTimingToday.elapsedDaysSince(in.timing().nextDayAt(), last);
  }

  public static CardState currentState(Card card, SchedulingInputs in) {
    return currentState(card, in, memory(card, in));
  }

  static CardState currentState(Card card, SchedulingInputs in, MemoryState memory) {
    long today = in.timing().daysElapsed();
    int due;
    if (!in.deck().filtered()) {
      // a review card answered before its due date is treated as due today
      due = card.type() == Card.TYPE_REVIEW ? (int) Math.min(card.due(), today) : card.due();
    } else {
      due = card.odue() != 0 ? card.odue() : card.due();
    }
    CardState normal = normalState(card, in, memory, due);
    if (!in.deck().filtered()) return normal;
    return in.deck().reschedule() ? new ReschedulingState(normal)
        : new PreviewState(in.deck().currentPreviewSecs(), false);
  }

  private static CardState normalState(Card card, SchedulingInputs in, MemoryState memory, int due) {
    long today = in.timing().daysElapsed();
    int remaining = card.remainingSteps();
    float ease = card.easeFactor();
    switch (card.type()) {
      case Card.TYPE_NEW:
        return new NewState(Math.max(due, 0));
      case Card.TYPE_LEARN: {
        LearningSteps steps = new LearningSteps(in.preset().learnSteps());
        long delay = steps.currentDelaySecs(remaining);
        return new LearnState(remaining, delay, elapsedSecs(card, in, delay), memory);
      }
      case Card.TYPE_REVIEW:
        return new ReviewState(card.ivl(), Math.max(card.ivl() - (due - today), 0), ease,
            card.lapses(), false, memory);
      default: {
        LearningSteps steps = new LearningSteps(in.preset().relearnSteps());
        long delay = steps.currentDelaySecs(remaining);
        return new RelearnState(new LearnState(remaining, delay, elapsedSecs(card, in, delay), memory),
            new ReviewState(card.ivl(), card.ivl(), ease, card.lapses(), false, memory));
      }
    }
  }

  /** Time since the last learning answer; only informative (custom scheduling), never validated. */
  private static long elapsedSecs(Card card, SchedulingInputs in, long stepSecs) {
    if (card.queue() == Card.QUEUE_DAY_LEARN) {
      return (in.timing().daysElapsed() - card.due() + Math.max(stepSecs / 86_400, 1)) * 86_400;
    }
    Long previousSeed = in.fuzz() ? Fuzz.seed(card.id(), card.reps() - 1) : null;
    long lastAnswer = card.due() - Fuzz.learning(previousSeed, stepSecs);
    return Math.max(in.timing().now() - lastAnswer, 0);
  }
}
