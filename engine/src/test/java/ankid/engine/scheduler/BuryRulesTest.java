package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suspending, burying and unburying as rslib/src/scheduler/bury_and_suspend.rs does. */
class BuryRulesTest {

  @Test
  void buryAndUnbury() {
    Card c = BuryRules.bury(List.of(Cards.newCard(1, 1)), true).get(0);
    Card c2 = BuryRules.bury(List.of(Cards.newCard(2, 2)), false).get(0);
    assertThat(c.queue()).isEqualTo(-3);
    assertThat(c2.queue()).isEqualTo(-2);
    List<Card> userOnly = BuryRules.unbury(List.of(c, c2), true, false);
    assertThat(userOnly).extracting(Card::id, Card::queue).containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0));
    List<Card> schedOnly = BuryRules.unbury(List.of(c, c2), false, true);
    assertThat(schedOnly).extracting(Card::id, Card::queue).containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 0));
  }

  @Test
  void suspendedCardsAreNotBuriedAndUnsuspendRestoresLearningQueue() {
    Card relearning = new Card(1, 1, 1, 0, 0, 0, 3, 1, 1_700_000_000, 1, 2500, 3, 1, 1, 0, 0, 0, CardData.EMPTY);
    Card suspended = BuryRules.suspend(List.of(relearning)).get(0);
    assertThat(suspended.queue()).isEqualTo(-1);
    assertThat(BuryRules.suspend(List.of(suspended))).isEmpty();
    assertThat(BuryRules.bury(List.of(suspended), true)).isEmpty();
    Card back = BuryRules.unsuspend(List.of(suspended)).get(0);
    assertThat(List.of(back.queue(), back.type(), back.due())).containsExactly(1, 3, 1_700_000_000);
    assertThat(relearning.withDue(100).queueFromType()).isEqualTo(3);
  }

  @Test
  void siblingBuryDependsOnAnsweredQueue() {
    DeckPreset all = new DeckPreset(List.of(1f), List.of(10f), 20, 200, 2.5f, 1.3f, 1.2f, 0f, 1f,
        36500, 1, 1, 4, false, 8, 60, true, true, true, 0.9f, 0.9f, List.of(), List.of());
    assertThat(BuryRules.siblingBuryAfterAnswer(all, 2)).isEqualTo(new BuryRules.SiblingBury(true, true, false));
    assertThat(BuryRules.siblingBuryAfterAnswer(all, 0)).isEqualTo(new BuryRules.SiblingBury(true, false, false));
    assertThat(BuryRules.siblingBuryAfterAnswer(all, 1)).isEqualTo(new BuryRules.SiblingBury(true, true, true));
    assertThat(BuryRules.siblingBuryAfterAnswer(DeckPreset.DEFAULTS, 1).any()).isFalse();
    List<Card> note = List.of(Cards.newCard(1, 1), Cards.newCard(2, 2), Cards.review(3, 0, 5, 2500, 1, 0));
    assertThat(BuryRules.buriedSiblings(1, note, new BuryRules.SiblingBury(true, false, false)))
        .extracting(Card::id).containsExactly(2L);
  }

  @Test
  void automaticUnbury() {
    assertThat(BuryRules.needsAutomaticUnbury(9, 10)).isTrue();
    assertThat(BuryRules.needsAutomaticUnbury(10, 10)).isFalse();
    assertThat(BuryRules.needsAutomaticUnbury(18, 10)).isTrue();
  }
}
