package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import ankid.engine.revlog.RevlogEntry;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Set due date (rslib/src/scheduler/reviews.rs), forget and reposition (rslib/src/scheduler/new.rs)
 * and AnkiConnect's relearn (plugin/__init__.py, {@code relearnCards}).
 */
class ManualSchedulingTest {

  private static DeckPreset ease(float initialEase) {
    DeckPreset d = DeckPreset.DEFAULTS;
    return new DeckPreset(d.learnSteps(), d.relearnSteps(), d.newPerDay(), d.reviewsPerDay(),
        initialEase, d.easyMultiplier(), d.hardMultiplier(), d.lapseMultiplier(),
        d.intervalMultiplier(), d.maximumReviewInterval(), d.minimumLapseInterval(),
        d.graduatingIntervalGood(), d.graduatingIntervalEasy(), d.leechSuspends(), d.leechThreshold(),
        d.capAnswerTimeToSecs(), d.buryNew(), d.buryReviews(), d.buryInterdayLearning(),
        d.desiredRetention(), d.historicalRetention(), d.fsrsParams(), d.easyDaysPercentages());
  }

  private static Card setDue(Card c, long today, int days, float ease, boolean force) {
    return SetDueDate.apply(c, days, force, new SchedTimingToday(0, today, 0), ease(ease), false, 1000).card();
  }

  @Test
  void parsesSpecs() {
    assertThat(DueDateSpec.parse("5")).isEqualTo(new DueDateSpec(5, 5, false));
    assertThat(DueDateSpec.parse("5!")).isEqualTo(new DueDateSpec(5, 5, true));
    assertThat(DueDateSpec.parse("50-70")).isEqualTo(new DueDateSpec(50, 70, false));
    assertThat(DueDateSpec.parse("70-50!")).isEqualTo(new DueDateSpec(50, 70, true));
    assertThat(DueDateSpec.parse("0")).isEqualTo(new DueDateSpec(0, 0, false));
    assertThat(DueDateSpec.parse("1-7").draw(new Random(1))).isBetween(1, 7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "-5", "1-", "5!!", "1.5"})
  void rejectsBadSpecs(String spec) {
    assertThatThrownBy(() -> DueDateSpec.parse(spec)).isInstanceOf(SchedulerException.class);
  }

  @Test
  void setDueDateVectors() {
    Card c = setDue(Cards.newCard(1, 3), 5, 2, 1.8f, false);
    assertThat(List.of(c.type(), c.queue(), c.due(), c.ivl(), c.factor())).containsExactly(2, 2, 7, 2, 1800);
    assertThat(c.data().pos()).isEqualTo(3);
    c = setDue(c, 6, 3, 2.5f, false);
    assertThat(List.of(c.due(), c.ivl(), c.factor())).containsExactly(9, 2, 1800);
    assertThat(List.of(setDue(c, 6, 1, 2.4f, false).due(), setDue(c, 6, 1, 2.4f, false).ivl())).containsExactly(7, 2);
    Card forced = setDue(c, 6, 3, 2.3f, true);
    assertThat(List.of(forced.due(), forced.ivl(), forced.factor())).containsExactly(9, 3, 1800);

    Card filtered = new Card(2, 2, 5, 0, 0, 0, 2, 0, -10000, 2, 0, 0, 0, 0, 7, 1, 0, CardData.EMPTY);
    Card home = setDue(filtered, 6, 1, 2.2f, false);
    assertThat(List.of(home.due(), home.ivl(), home.factor(), home.queue(), home.odue(), (int) home.odid(), (int) home.did()))
        .containsExactly(7, 2, 2200, 2, 0, 0, 1);
    Card relearn = new Card(2, 2, 1, 0, 0, 0, 3, 1, 12345678, 2, 2200, 0, 0, 0, 0, 0, 0, CardData.EMPTY);
    Card r = setDue(relearn, 6, 10, 2.1f, false);
    assertThat(List.of(r.due(), r.ivl(), r.factor())).containsExactly(16, 2, 2200);
  }

  @Test
  void setDueDateFromPythonTests() {
    Card today = setDue(Cards.newCard(1, 1), 10, 0, 2.5f, false);
    assertThat(List.of(today.due(), today.ivl(), today.type(), today.queue())).containsExactly(10, 1, 2, 2);
    assertThat(List.of(setDue(today, 10, 1, 2.5f, false).due(), setDue(today, 10, 1, 2.5f, false).ivl())).containsExactly(11, 1);
    assertThat(setDue(Cards.newCard(1, 1), 10, 3, 2.5f, false).ivl()).isEqualTo(3);
  }

  @Test
  void setDueDateRevlogAndSuspendedCard() {
    Card suspended = Cards.review(1, 3, 10, 2500, 5, 0).withQueue(Card.QUEUE_SUSPENDED);
    ManualChange change = SetDueDate.apply(suspended, 4, false, new SchedTimingToday(0, 6, 0),
        DeckPreset.DEFAULTS, false, 1234);
    assertThat(change.card().queue()).isEqualTo(Card.QUEUE_REVIEW);
    assertThat(change.revlog()).isEqualTo(RevlogEntry.local(1234, 1, 0, 10, 10, 2500, 0, RevlogEntry.KIND_MANUAL));
  }

  @Test
  void setDueDateWithFsrs() {
    SchedTimingToday timing = new SchedTimingToday(100 * 86_400 + 5, 100, 101 * 86_400);
    Card withLrt = Cards.review(1, 95, 10, 2500, 5, 0)
        .withData(new CardData(null, 10f, 5.5f, 0.9f, 0.5f, 90L * 86_400, null));
    ManualChange c = SetDueDate.apply(withLrt, 3, false, timing, DeckPreset.DEFAULTS, true, 1);
    assertThat(c.card().ivl()).isEqualTo(11 + 3);
    assertThat(c.revlog().factor()).isEqualTo((long) (new MemoryState(10f, 5.5f).difficultyShifted() * 1000f));
    Card noLrt = Cards.review(1, 95, 10, 2500, 5, 0);
    assertThat(SetDueDate.apply(noLrt, 3, false, timing, DeckPreset.DEFAULTS, true, 1).card().ivl()).isEqualTo(10 + 8);
    assertThat(SetDueDate.apply(Cards.newCard(1, 1), 3, false, timing, DeckPreset.DEFAULTS, true, 1).card().ivl()).isZero();
  }

  @Test
  void forgetVectors() {
    Card used = new Card(1, 1, 1, 0, 0, 0, 0, 0, 42, 0, 0, 4, 2, 0, 0, 0, 0, CardData.EMPTY);
    ForgetCards.Result kept = ForgetCards.forget(List.of(used), 1, true, false, true, 99);
    Card k = kept.changes().get(0).card();
    assertThat(List.of(k.due(), k.reps(), k.lapses())).containsExactly(42, 4, 2);
    assertThat(kept.nextPos()).isEqualTo(1);
    Card full = ForgetCards.forget(List.of(used), 1, false, true, true, 99).changes().get(0).card();
    assertThat(List.of(full.due(), full.reps(), full.lapses())).containsExactly(1, 0, 0);

    Card review = Cards.review(2, 0, 100, 2500, 3, 0).withData(new CardData(null, 5f, 5f, 0.9f, 0.5f, 7L, null));
    ForgetCards.Result r = ForgetCards.forget(List.of(review), 1, true, false, true, 99);
    Card f = r.changes().get(0).card();
    assertThat(List.of(f.type(), f.queue(), f.due(), f.ivl(), f.factor())).containsExactly(0, 0, 1, 0, 0);
    assertThat(f.data()).isEqualTo(new CardData(null, null, null, 0.9f, 0.5f, 7L, null));
    assertThat(r.nextPos()).isEqualTo(2);
    assertThat(r.changes().get(0).revlog()).isEqualTo(RevlogEntry.local(99, 2, 0, 0, 100, 0, 0, RevlogEntry.KIND_MANUAL));
  }

  @Test
  void lastPositionVectors() {
    assertThat(ForgetCards.lastPosition(Cards.newCard(1, 42))).isEqualTo(42);
    Card inFiltered = new Card(1, 1, 5, 0, 0, 0, 0, 0, -100000, 0, 0, 0, 0, 0, 42, 1, 0, CardData.EMPTY);
    assertThat(ForgetCards.lastPosition(inFiltered)).isEqualTo(42);
    Card graduated = Cards.review(1, 10, 5, 2500, 3, 0);
    assertThat(ForgetCards.lastPosition(graduated)).isNull();
    assertThat(ForgetCards.lastPosition(graduated.withData(CardData.EMPTY.withPos(42L)))).isEqualTo(42);
  }

  @Test
  void repositionWithShift() {
    List<Card> all = List.of(Cards.newCard(1, 1), Cards.newCard(2, 2), Cards.newCard(3, 3), Cards.newCard(4, 4));
    Map<Long, Card> changed = Reposition.reposition(List.of(all.get(2), all.get(3)), all, 1, 1,
        Reposition.Order.PRESERVE, true, new Random());
    assertThat(List.of(changed.get(1L).due(), changed.get(2L).due(), changed.get(3L).due(), changed.get(4L).due()))
        .containsExactly(3, 4, 1, 2);
  }

  @Test
  void repositionOrders() {
    List<Card> cards = List.of(note(2, 6), note(3, 5), note(1, 4));
    Map<Long, Card> preserved = Reposition.reposition(cards, List.of(), 0, 1, Reposition.Order.PRESERVE, false, new Random());
    assertThat(List.of(preserved.get(2L).due(), preserved.get(3L).due(), preserved.get(1L).due())).containsExactly(0, 1, 2);
    Map<Long, Card> byNote = Reposition.reposition(cards, List.of(), 3, 2, Reposition.Order.NOTE_ID, false, new Random());
    assertThat(List.of(byNote.get(1L).due(), byNote.get(3L).due(), byNote.get(2L).due())).containsExactly(3, 5, 7);
    Card review = Cards.review(9, 5, 5, 2500, 1, 0);
    assertThat(Reposition.reposition(List.of(review), List.of(), 0, 1, Reposition.Order.PRESERVE, false, new Random())).isEmpty();
  }

  private static Card note(long cardId, long noteId) {
    return new Card(cardId, noteId, 1, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 0, CardData.EMPTY);
  }

  @Test
  void relearnIsARawTypeAndQueueChange() {
    Card r = ForgetCards.relearn(Cards.review(1, 10, 5, 2500, 1, 0));
    assertThat(List.of(r.type(), r.queue(), r.due(), r.ivl())).containsExactly(3, 1, 10, 5);
  }
}
