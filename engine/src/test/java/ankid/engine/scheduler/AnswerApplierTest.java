package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import ankid.engine.revlog.RevlogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answers applied to cards as rslib/src/scheduler/answering/ applies them, revlog rows included
 * (answering/revlog.rs), in normal and filtered decks.
 */
class AnswerApplierTest {
  private static final long NOW = 1_700_000_000L;
  private static final long TODAY = 100;
  private static final SchedTimingToday TIMING = new SchedTimingToday(NOW, TODAY, NOW + 10 * 3600);

  private static SchedulingInputs inputs(DeckPreset p, boolean fuzz) {
    return new SchedulingInputs(p, DeckKind.NORMAL, TIMING, FsrsOptions.OFF, fuzz);
  }

  private static AnswerResult answer(Card c, int rating, SchedulingInputs in) {
    return AnswerApplier.answer(c, rating, NOW * 1000 + 123, 0, in);
  }

  @Test
  void testLearn() {
    SchedulingInputs in = inputs(Presets.steps(List.of(0.5f, 3f, 10f), List.of(10f)), true);
    AnswerResult again = answer(Cards.newCard(1, 1), 1, in);
    Card c = again.card();
    assertThat(c.due() - NOW).isBetween(25L, 40L);
    assertThat(c.left()).isEqualTo(3);
    assertThat(c.data().pos()).isEqualTo(1);
    AnswerResult good = answer(c, 3, in);
    c = good.card();
    assertThat(c.due() - NOW).isBetween(180L, 225L);
    assertThat(c.left()).isEqualTo(2);
    assertThat(good.revlog()).isEqualTo(RevlogEntry.local(NOW * 1000 + 123, 1, 3, -180, -30, 0, 0, RevlogEntry.KIND_LEARNING));
    c = answer(c, 3, in).card();
    assertThat(c.due() - NOW).isBetween(600L, 750L);
    assertThat(List.of(c.left(), c.type(), c.queue())).containsExactly(1, 1, 1);
    AnswerResult graduated = answer(c, 3, in);
    c = graduated.card();
    assertThat(List.of(c.type(), c.queue(), c.due(), c.ivl())).containsExactly(2, 2, (int) TODAY + 1, 1);
    assertThat(graduated.revlog().type()).isEqualTo(RevlogEntry.KIND_LEARNING);
    Card forced = Cards.newCard(2, 1).withSchedule(0, 1, (int) NOW, 0, 0, 0, 0);
    assertThat(answer(forced, 4, in).card().type()).isEqualTo(2);
  }

  @Test
  void initialRepeatHard() {
    AnswerResult hard = answer(Cards.newCard(1, 1), 2, inputs(DeckPreset.DEFAULTS, true));
    assertThat(hard.card().due() - NOW).isBetween(330L, 412L);
    assertThat(hard.revlog().ivl()).isEqualTo(-330);
    assertThat(hard.revlog().lastIvl()).isZero();
    assertThat(hard.studied()).isEqualTo(new AnswerResult.Studied(1, 0, 0));
  }

  @Test
  void fullCycle() {
    SchedulingInputs in = inputs(DeckPreset.DEFAULTS, false);
    Card c = answer(Cards.newCard(1, 1), 1, in).card();
    assertThat(List.of(c.queue(), c.left())).containsExactly(1, 2);
    c = answer(c.withDue((int) NOW), 3, in).card();
    assertThat(List.of(c.queue(), c.left())).containsExactly(1, 1);
    AnswerResult graduated = answer(c, 3, in);
    c = graduated.card();
    assertThat(List.of(c.queue(), c.ivl(), c.left())).containsExactly(2, 1, 0);
    assertThat(graduated.revlog().factor()).isEqualTo(2500);
    c = answer(c.withDue((int) TODAY), 4, in).card();
    assertThat(List.of(c.ivl(), c.factor())).containsExactly(4, 2650);
    AnswerResult lapse = answer(c.withDue((int) TODAY), 1, in);
    c = lapse.card();
    assertThat(List.of(c.type(), c.queue(), c.ivl(), c.factor(), c.lapses())).containsExactly(3, 1, 1, 2450, 1);
    assertThat(lapse.revlog()).isEqualTo(RevlogEntry.local(NOW * 1000 + 123, 1, 1, -600, 4, 2450, 0, RevlogEntry.KIND_REVIEW));
    AnswerResult relearnAgain = answer(c, 1, in);
    assertThat(List.of(relearnAgain.card().queue(), relearnAgain.card().lapses())).containsExactly(1, 1);
    assertThat(relearnAgain.revlog().type()).isEqualTo(RevlogEntry.KIND_RELEARNING);
    c = answer(relearnAgain.card(), 3, in).card();
    assertThat(List.of(c.queue(), c.ivl(), c.reps())).containsExactly(2, 1, 7);
  }

  @Test
  void reviewAnswersAndLeech() {
    Card card = Cards.review(1, (int) TODAY - 8, 100, 2500, 3, 1);
    SchedulingInputs in = inputs(DeckPreset.DEFAULTS, false);
    Card hard = answer(card, 2, in).card();
    assertThat(List.of(hard.ivl(), hard.factor(), hard.reps(), hard.lapses(), hard.due()))
        .containsExactly(120, 2350, 4, 1, (int) TODAY + 120);
    assertThat(List.of(answer(card, 3, in).card().ivl(), answer(card, 3, in).card().factor())).containsExactly(260, 2500);
    AnswerResult easy = answer(card, 4, in);
    assertThat(List.of(easy.card().ivl(), easy.card().factor())).containsExactly(351, 2650);
    assertThat(easy.revlog()).isEqualTo(RevlogEntry.local(NOW * 1000 + 123, 1, 4, 351, 100, 2650, 0, RevlogEntry.KIND_REVIEW));
    assertThat(easy.studied()).isEqualTo(new AnswerResult.Studied(0, 1, 0));

    DeckPreset suspend = Presets.review(DeckPreset.DEFAULTS, 1.2f, 1.3f, 1f, 36500, 0f, true);
    AnswerResult leech = answer(Cards.review(1, (int) TODAY, 100, 2500, 3, 7), 1, inputs(suspend, false));
    assertThat(leech.leeched()).isTrue();
    assertThat(leech.card().queue()).isEqualTo(Card.QUEUE_SUSPENDED);
    assertThat(leech.card().type()).isEqualTo(Card.TYPE_RELEARN);
    AnswerResult tagOnly = answer(Cards.review(1, (int) TODAY, 100, 2500, 3, 7), 1, inputs(DeckPreset.DEFAULTS, false));
    assertThat(tagOnly.leeched()).isTrue();
    assertThat(tagOnly.card().queue()).isEqualTo(Card.QUEUE_LEARN);
  }

  @Test
  void dayLearningSteps() {
    DeckPreset p = Presets.steps(List.of(1f, 10f, 1440f, 2880f), List.of(1440f));
    SchedulingInputs in = inputs(p, false);
    Card c = answer(Cards.newCard(1, 1), 3, in).card();
    assertThat(c.left()).isEqualTo(3);
    assertThat(Scheduler.nextStates(c, in).good().interval().seconds()).isEqualTo(86_400);
    c = answer(c, 3, in).card();
    assertThat(List.of(c.queue(), c.due())).containsExactly(3, (int) TODAY + 1);
    assertThat(Scheduler.nextStates(c, in).good().interval().seconds()).isEqualTo(172_800);
    assertThat(answer(c, 1, in).card().queue()).isEqualTo(1);
    Card lapsed = answer(Cards.review(2, (int) TODAY, 100, 2500, 3, 0), 1, in).card();
    assertThat(List.of(lapsed.queue(), lapsed.type())).containsExactly(3, 3);
  }

  @Test
  void answerTimeIsCapped() {
    AnswerResult r = AnswerApplier.answer(Cards.newCard(1, 1), 3, NOW * 1000, 75_000, inputs(DeckPreset.DEFAULTS, true));
    assertThat(r.revlog().time()).isEqualTo(60_000);
    assertThat(r.studied().millis()).isEqualTo(60_000);
    assertThat(r.card().data().lrt()).isEqualTo(NOW);
  }

  @Test
  void sm2AnswerDropsMemoryButKeepsDecay() {
    Card c = Cards.review(1, (int) TODAY, 10, 2500, 3, 0)
        .withData(new CardData(4L, 10f, 5f, 0.9f, 0.2f, null, "{\"a\":1}"));
    CardData data = answer(c, 3, inputs(DeckPreset.DEFAULTS, false)).card().data();
    assertThat(data).isEqualTo(new CardData(4L, null, null, null, 0.2f, NOW, "{\"a\":1}"));
  }

  @Test
  void fsrsAnswerStoresMemoryAndDifficultyInRevlog() {
    SchedulingInputs in = new SchedulingInputs(DeckPreset.DEFAULTS, DeckKind.NORMAL, TIMING,
        new FsrsOptions(true, 0.9f, false, null, null), false);
    AnswerResult r = answer(Cards.newCard(1, 1), 3, in);
    CardData d = r.card().data();
    assertThat(d.s()).isEqualTo(2.3065f);
    assertThat(d.dr()).isEqualTo(0.9f);
    assertThat(d.decay()).isEqualTo(0.1542f);
    assertThat(r.revlog().factor()).isEqualTo(Math.round((d.d() - 1) / 9 * 1000 + 100));
    // new → Good → Good graduates with round(2.3065) = 2 days
    Card second = answer(r.card(), 3, in).card();
    assertThat(second.ivl()).isEqualTo(2);
  }

  @Test
  void deckDesiredRetentionOverrideIsUsed() {
    SchedulingInputs in = new SchedulingInputs(DeckPreset.DEFAULTS, DeckKind.NORMAL, TIMING,
        new FsrsOptions(true, 0.85f, false, null, null), false);
    Card learned = answer(Cards.newCard(1, 1), 3, in).card();
    AnswerResult graduated = answer(learned, 3, in);
    Fsrs fsrs = Fsrs.fromParams(List.of());
    MemoryState m = fsrs.step(learned.data().memory(), 0, 3);
    assertThat(graduated.card().data().dr()).isEqualTo(0.85f);
    assertThat(graduated.card().ivl()).isEqualTo(Math.round(fsrs.interval(m.stability(), 0.85f)));
    assertThat(graduated.card().ivl()).isGreaterThan(2);
  }

  @Test
  void learningCardStaysInReschedulingFilteredDeck() {
    DeckPreset p = Presets.steps(List.of(1f, 10f, 61f), List.of(10f));
    Card learning = new Card(1, 1, 9, 0, 0, 0, 1, 1, (int) NOW, 0, 0, 2, 0, 2, 0, 1, 0, CardData.EMPTY);
    SchedulingInputs in = new SchedulingInputs(p, new DeckKind(true, true, StateContext.PreviewDelays.DEFAULT, 0),
        TIMING, FsrsOptions.OFF, false);
    Card c = answer(learning, 3, in).card();
    assertThat(List.of(c.type(), c.queue(), c.left(), (int) c.did(), (int) c.odid())).containsExactly(1, 1, 1, 9, 1);
    assertThat(c.due() - NOW).isGreaterThanOrEqualTo(3600);
    Card emptied = c.removedFromFilteredDeckRestoringQueue();
    assertThat(List.of(emptied.type(), emptied.queue(), emptied.left(), (int) emptied.did())).containsExactly(1, 1, 1, 1);
  }

  @Test
  void earlyReviewLeavesFilteredDeck() {
    Card early = new Card(1, 1, 9, 0, 0, 0, 2, 2, -100000, 100, 2500, 5, 0, 0, (int) TODAY + 25, 1, 0, CardData.EMPTY);
    SchedulingInputs in = new SchedulingInputs(DeckPreset.DEFAULTS,
        new DeckKind(true, true, StateContext.PreviewDelays.DEFAULT, 0), TIMING, FsrsOptions.OFF, false);
    AnswerResult r = answer(early, 3, in);
    assertThat(List.of(r.card().queue(), r.card().ivl(), (int) r.card().did(), (int) r.card().odid(), r.card().odue()))
        .containsExactly(2, 188, 1, 0, 0);
    assertThat(r.revlog().type()).isEqualTo(RevlogEntry.KIND_FILTERED);
  }

  @Test
  void previewDeck() {
    DeckKind preview = new DeckKind(true, false, StateContext.PreviewDelays.DEFAULT, 600);
    SchedulingInputs in = new SchedulingInputs(DeckPreset.DEFAULTS, preview, TIMING, FsrsOptions.OFF, false);
    Card inDeck = new Card(1, 1, 9, 0, 0, 0, 0, 2, -100000, 0, 0, 0, 0, 0, 5, 1, 0, CardData.EMPTY);
    NextStates n = Scheduler.nextStates(inDeck, in);
    assertThat(n.again()).isEqualTo(new CardState.PreviewState(60, false));
    assertThat(n.easy()).isEqualTo(new CardState.PreviewState(0, true));
    AnswerResult again = answer(inDeck, 1, in);
    assertThat(List.of(again.card().queue(), again.card().due(), again.card().reps())).containsExactly(4, (int) NOW + 60, 0);
    assertThat(again.revlog()).isEqualTo(RevlogEntry.local(NOW * 1000 + 123, 1, 1, -60, -600, 0, 0, RevlogEntry.KIND_FILTERED));
    AnswerResult easy = answer(again.card(), 4, in);
    Card home = easy.card();
    assertThat(List.of(home.type(), home.queue(), home.due(), home.reps(), (int) home.did(), (int) home.odid()))
        .containsExactly(0, 0, 5, 0, 1, 0);
    assertThat(home.data().lrt()).isNull();
  }

  @Test
  void validation() {
    Card normal = Cards.newCard(1, 1);
    NextStates n = Scheduler.nextStates(normal, inputs(DeckPreset.DEFAULTS, false));
    NextStates forged = new NextStates(n.current(), new CardState.PreviewState(60, false), n.hard(), n.good(), n.easy());
    assertThatThrownBy(() -> AnswerApplier.apply(normal, forged, 1, NOW * 1000, 0, inputs(DeckPreset.DEFAULTS, false)))
        .isInstanceOf(SchedulerException.class);
    assertThatThrownBy(() -> n.forRating(5)).isInstanceOf(SchedulerException.class);
    AnswerValidation.checkCurrentState(new CardState.LearnState(1, 600, 5, null), new CardState.LearnState(1, 600, 99, null));
    assertThatThrownBy(() -> AnswerValidation.checkCurrentState(new CardState.LearnState(1, 600, 5, null),
        new CardState.LearnState(2, 600, 5, null))).hasMessage("card was modified");
    AnswerValidation.checkCustomData("{\"abc\":1}");
    assertThatThrownBy(() -> AnswerValidation.checkCustomData("[1]")).isInstanceOf(SchedulerException.class);
    assertThatThrownBy(() -> AnswerValidation.checkCustomData("{\"toolongkey\":1}")).isInstanceOf(SchedulerException.class);
    assertThatThrownBy(() -> AnswerValidation.checkCustomData("{\"a\":\"" + "x".repeat(100) + "\"}"))
        .isInstanceOf(SchedulerException.class);
  }
}
