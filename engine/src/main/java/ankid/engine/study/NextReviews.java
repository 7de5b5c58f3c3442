package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.IntervalLabels;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.Scheduler;
import java.util.List;

/**
 * The Again/Hard/Good/Easy labels of a card's answer buttons, as
 * {@code describe_next_states(get_scheduling_states(cid))} gives them
 * (rslib/src/scheduler/answering/mod.rs): the next states come from the same
 * {@link SchedulingSetup} as answering ({@code card_state_updater}). "Today" and the presets are
 * read once, so make one instance per request.
 */
public final class NextReviews {
  private static final long DEFAULT_LEARN_AHEAD_SECS = 1200;

  private final SchedulingSetup setup;
  private final SchedTimingToday timing;
  private final long learnAheadSecs;

  NextReviews(Collection col) {
    this.setup = new SchedulingSetup(col);
    this.timing = col.timing();
    this.learnAheadSecs = col.config().getLong("collapseTime", DEFAULT_LEARN_AHEAD_SECS);
  }

  public List<String> labels(Card card) {
    return List.of(IntervalLabels.describe(Scheduler.nextStates(card, setup.inputs(card, timing)), timing,
        learnAheadSecs));
  }
}
