package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.revlog.RevlogEntry;
import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.NewState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReschedulingState;
import ankid.engine.scheduler.CardState.ReviewState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State vectors from Anki's Rust tests (rslib/src/scheduler/states/) and Python tests
 * (pylib/tests/test_schedv3.py), fuzz disabled.
 */
class StateTransitionsTest {
  private static final DeckPreset DEFAULTS = DeckPreset.DEFAULTS;
  private static final DeckPreset NO_STEPS = Presets.steps(List.of(), List.of());

  private static NextStates next(CardState s, StateContext ctx) {
    return StateMachine.next(s, ctx);
  }

  private static LearnState learning(int remaining) {
    return new LearnState(remaining, 0, 0, null);
  }

  private static ReviewState review(long ivl, long elapsed, float ease) {
    return new ReviewState(ivl, elapsed, ease, 0, false, null);
  }

  @Test
  void againRestartsSteps() {
    for (int remaining : new int[] {1, 2}) {
      assertThat(next(learning(remaining), Presets.unfuzzed(DEFAULTS)).again())
          .isEqualTo(new LearnState(2, 60, 0, null));
    }
  }

  @Test
  void withoutStepsGraduate() {
    NextStates n = next(learning(0), Presets.unfuzzed(NO_STEPS));
    assertThat(n.again()).isEqualTo(new ReviewState(1, 0, 2.5f, 0, false, null));
    assertThat(n.hard()).isEqualTo(new ReviewState(1, 0, 2.5f, 0, false, null));
  }

  @Test
  void hardRepeatsStep() {
    assertThat(next(learning(2), Presets.unfuzzed(DEFAULTS)).hard()).isEqualTo(new LearnState(2, 330, 0, null));
    assertThat(next(learning(1), Presets.unfuzzed(DEFAULTS)).hard()).isEqualTo(new LearnState(1, 600, 0, null));
  }

  @Test
  void goodAdvancesAndGraduates() {
    StateContext ctx = Presets.unfuzzed(DEFAULTS);
    assertThat(next(learning(2), ctx).good()).isEqualTo(new LearnState(1, 600, 0, null));
    assertThat(next(learning(1), ctx).good()).isEqualTo(new ReviewState(1, 0, 2.5f, 0, false, null));
    for (int remaining : new int[] {1, 2}) {
      assertThat(((ReviewState) next(learning(remaining), ctx).easy()).scheduledDays()).isEqualTo(4);
    }
  }

  @Test
  void newCardIsLearningAtFirstStep() {
    NextStates n = next(new NewState(7), Presets.unfuzzed(DEFAULTS));
    assertThat(n.current()).isEqualTo(new NewState(7));
    assertThat(n.again()).isEqualTo(new LearnState(2, 60, 0, null));
    assertThat(n.hard()).isEqualTo(new LearnState(2, 330, 0, null));
    assertThat(n.good()).isEqualTo(new LearnState(1, 600, 0, null));
    assertThat(n.easy()).isEqualTo(new ReviewState(4, 0, 2.5f, 0, false, null));
  }

  private static RelearnState relearning() {
    return new RelearnState(new LearnState(1, 600, 0, null), new ReviewState(3, 3, 2.5f, 1, false, null));
  }

  @Test
  void relearningNextStates() {
    StateContext ctx = Presets.unfuzzed(DEFAULTS);
    NextStates n = next(relearning(), ctx);
    assertThat(n.again()).isEqualTo(new RelearnState(new LearnState(1, 600, 0, null),
        new ReviewState(1, 0, 2.5f, 1, false, null)));
    assertThat(n.hard()).isInstanceOf(RelearnState.class);
    assertThat(((RelearnState) n.hard()).learning().remainingSteps()).isEqualTo(1);
    assertThat(n.good()).isEqualTo(new ReviewState(3, 3, 2.5f, 1, false, null));
    assertThat(((ReviewState) n.easy()).scheduledDays()).isEqualTo(4);

    NextStates noSteps = next(relearning(), Presets.unfuzzed(Presets.steps(List.of(1f, 10f), List.of())));
    assertThat(noSteps.again()).isInstanceOf(ReviewState.class);
    assertThat(noSteps.hard()).isInstanceOf(ReviewState.class);
  }

  @Test
  void twoRelearnSteps() {
    StateContext ctx = Presets.unfuzzed(Presets.steps(List.of(1f, 10f), List.of(5f, 10f)));
    RelearnState oneLeft = new RelearnState(new LearnState(1, 600, 0, null), review(3, 3, 2.5f));
    RelearnState twoLeft = new RelearnState(new LearnState(2, 300, 0, null), review(3, 3, 2.5f));
    assertThat(((RelearnState) next(oneLeft, ctx).again()).learning().remainingSteps()).isEqualTo(2);
    assertThat(((RelearnState) next(oneLeft, ctx).hard()).learning().remainingSteps()).isEqualTo(1);
    assertThat(((RelearnState) next(twoLeft, ctx).good()).learning().remainingSteps()).isEqualTo(1);
  }

  private static long[] passing(NextStates n) {
    return new long[] {((ReviewState) n.hard()).scheduledDays(), ((ReviewState) n.good()).scheduledDays(),
        ((ReviewState) n.easy()).scheduledDays()};
  }

  @Test
  void reviewWithMinimumEase() {
    ReviewState card = review(1, 1, 1.3f);
    assertThat(passing(next(card, Presets.withFactor(DEFAULTS, 0f)))).containsExactly(2, 3, 4);
    DeckPreset tenth = Presets.review(DEFAULTS, 1.2f, 1.3f, 0.1f, 36500, 0f, false);
    assertThat(passing(next(card, Presets.withFactor(tenth, 0f)))).containsExactly(2, 3, 4);
    assertThat(passing(next(card, Presets.withFactor(tenth, 0.99f)))).containsExactly(2, 4, 6);
    DeckPreset tenfold = Presets.review(DEFAULTS, 1.2f, 1.3f, 10f, 5, 0f, false);
    // the Rust test keeps f = 0.99 from the previous assertion
    assertThat(passing(next(card, Presets.withFactor(tenfold, 0.99f)))).containsExactly(5, 5, 5);
  }

  @Test
  void smallHardMultiplier() {
    DeckPreset p = Presets.review(DEFAULTS, 0.1f, 1.3f, 1f, 36500, 0f, false);
    assertThat(passing(next(review(2, 2, 1.3f), Presets.withFactor(p, 0f)))).containsExactly(1, 3, 4);
  }

  @Test
  void minAndMax() {
    StateContext zeroMax = Presets.unfuzzed(Presets.review(DEFAULTS, 1.2f, 1.3f, 1f, 0, 0f, false));
    assertThat(zeroMax.minAndMax(0)).containsExactly(1, 1);
    assertThat(zeroMax.minAndMax(2)).containsExactly(1, 1);
    StateContext three = Presets.unfuzzed(Presets.review(DEFAULTS, 1.2f, 1.3f, 1f, 3, 0f, false));
    assertThat(three.minAndMax(0)).containsExactly(1, 3);
    assertThat(three.minAndMax(2)).containsExactly(2, 3);
    assertThat(three.minAndMax(4)).containsExactly(3, 3);
  }

  @Test
  void lateReview() {
    ReviewState card = new ReviewState(100, 108, 2.5f, 1, false, null);
    NextStates n = next(card, Presets.unfuzzed(DEFAULTS));
    assertThat(n.hard()).isEqualTo(new ReviewState(120, 0, 2.35f, 1, false, null));
    assertThat(n.good()).isEqualTo(new ReviewState(260, 0, 2.5f, 1, false, null));
    assertThat(((ReviewState) n.easy()).scheduledDays()).isEqualTo(351);
    assertThat(Math.round(((ReviewState) n.easy()).easeFactor() * 1000)).isEqualTo(2650);
  }

  @Test
  void nextIntervals() {
    DeckPreset p = Presets.steps(List.of(0.5f, 3f, 10f), List.of(1f, 5f, 9f));
    StateContext ctx = Presets.unfuzzed(p);
    NextStates fresh = next(new NewState(0), ctx);
    assertThat(secs(fresh.again())).isEqualTo(30);
    assertThat(secs(fresh.hard())).isEqualTo(105);
    assertThat(secs(fresh.good())).isEqualTo(180);
    assertThat(((ReviewState) fresh.easy()).scheduledDays()).isEqualTo(4);
    NextStates afterGood = next(fresh.good(), ctx);
    assertThat(secs(afterGood.again())).isEqualTo(30);
    assertThat(secs(afterGood.hard())).isEqualTo(180);
    assertThat(secs(afterGood.good())).isEqualTo(600);
    NextStates lastStep = next(afterGood.good(), ctx);
    assertThat(((ReviewState) lastStep.good()).scheduledDays()).isEqualTo(1);
    assertThat(((ReviewState) lastStep.easy()).scheduledDays()).isEqualTo(4);

    RelearnState relearn = new RelearnState(new LearnState(3, 60, 0, null), review(100, 100, 2.5f));
    NextStates r = next(relearn, ctx);
    assertThat(secs(r.again())).isEqualTo(60);
    assertThat(((ReviewState) next(new RelearnState(new LearnState(1, 540, 0, null), review(100, 100, 2.5f)), ctx)
        .good()).scheduledDays()).isEqualTo(100);
    assertThat(((ReviewState) r.easy()).scheduledDays()).isEqualTo(101);

    assertThat(secs(next(review(100, 100, 2.5f), ctx).again())).isEqualTo(60);
    NextStates noRelearn = next(review(100, 100, 2.5f),
        Presets.unfuzzed(Presets.steps(List.of(0.5f, 3f, 10f), List.of())));
    assertThat(((ReviewState) noRelearn.again()).scheduledDays()).isEqualTo(1);
    assertThat(passing(noRelearn)).containsExactly(120, 250, 325);
  }

  private static long secs(CardState s) {
    return s.interval().seconds();
  }

  @Test
  void relearnAndEasy() {
    NextStates n = next(review(100, 100, 2.5f), Presets.unfuzzed(DEFAULTS));
    RelearnState again = (RelearnState) n.again();
    assertThat(again.review().scheduledDays()).isEqualTo(1);
    NextStates fromRelearn = next(again, Presets.unfuzzed(DEFAULTS));
    assertThat(((ReviewState) fromRelearn.easy()).scheduledDays()).isEqualTo(2);
  }

  @Test
  void lapseMultiplier() {
    DeckPreset half = Presets.review(DEFAULTS, 1.2f, 1.3f, 1f, 36500, 0.5f, false);
    StateContext ctx = Presets.unfuzzed(half);
    RelearnState lapsed = (RelearnState) next(review(100, 200, 2.5f), ctx).again();
    assertThat(lapsed.review().scheduledDays()).isEqualTo(50);
    RelearnState again = (RelearnState) next(lapsed, ctx).again();
    assertThat(again.review().scheduledDays()).isEqualTo(25);
  }

  @Test
  void earlyReviewInReschedulingFilteredDeck() {
    StateContext ctx = Presets.unfuzzed(DEFAULTS);
    NextStates waited75 = next(new ReschedulingState(review(100, 75, 2.5f)), ctx);
    assertThat(secs(waited75.again())).isEqualTo(600);
    assertThat(passing(waited75)).containsExactly(90, 188, 216);
    assertThat(waited75.current().revlogKind()).isEqualTo(RevlogEntry.KIND_FILTERED);
    assertThat(waited75.again()).isInstanceOf(ReschedulingState.class);
    NextStates waited25 = next(new ReschedulingState(review(100, 25, 2.5f)), ctx);
    assertThat(passing(waited25)).containsExactly(60, 100, 115);
  }

  @Test
  void fsrsRelearningWithoutSteps() {
    DeckPreset noRelearn = Presets.steps(List.of(1f, 10f), List.of());
    NextStates n = next(relearning(), Presets.fsrs(noRelearn, intervals(2, 3, 5, 7), true));
    assertThat(((ReviewState) n.again()).scheduledDays()).isEqualTo(2);
    assertThat(((ReviewState) n.hard()).scheduledDays()).isEqualTo(3);
    assertThat(((ReviewState) n.good()).scheduledDays()).isEqualTo(5);

    NextStates shortTerm = next(relearning(), Presets.fsrs(noRelearn, intervals(0.2f, 0.3f, 0.4f, 7), true));
    assertThat(((RelearnState) shortTerm.again()).learning().scheduledSecs()).isEqualTo(17280);
    assertThat(((RelearnState) shortTerm.hard()).learning().scheduledSecs()).isEqualTo(25920);
    assertThat(((RelearnState) shortTerm.good()).learning().scheduledSecs()).isEqualTo(34560);

    NextStates easy = next(relearning(), Presets.fsrs(DEFAULTS, intervals(1, 2, 3, 7), true));
    assertThat(((ReviewState) easy.easy()).scheduledDays()).isEqualTo(7);
  }

  private static FsrsNextStates intervals(float a, float h, float g, float e) {
    MemoryState m = new MemoryState(1, 5);
    return new FsrsNextStates(new FsrsNextStates.Item(m, a), new FsrsNextStates.Item(m, h),
        new FsrsNextStates.Item(m, g), new FsrsNextStates.Item(m, e));
  }
}
