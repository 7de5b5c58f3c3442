package ankid.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import ankid.engine.scheduler.queue.QueueEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order and limits of built queues, with the vectors of rslib scheduler/queue/builder/mod.rs's tests. */
class QueueBuilderTest {
  @TempDir Path dir;
  StudyCollection s;

  @BeforeEach
  void open() {
    s = new StudyCollection(dir);
  }

  @AfterEach
  void close() {
    s.close();
  }

  private List<Long> queue(long deckId) {
    return s.col.read(c -> QueueBuilder.build(c, deckId).entries().stream().map(QueueEntry::id).toList());
  }

  /** Each queued card as "deck:ordinal", the shape of the Rust test's (DeckId, template) pairs. */
  private List<String> deckAndTemplate(long deckId) {
    List<String> out = new ArrayList<>();
    for (long cid : queue(deckId)) {
      out.add(s.col.read(c -> c.cards().get(cid).map(card -> card.did() + ":" + card.ord()).orElseThrow()));
    }
    return out;
  }

  @Test
  void aReachedReviewLimitGivesAnEmptyQueue() {
    long card = s.add("Basic", 1, "a", "b").get(0);
    s.sql("update cards set type = 2, queue = 2, due = ?, ivl = 1 where id = ?", s.today(), card);
    s.defaultPreset(b -> b.setReviewsPerDay(0));
    assertThat(queue(1)).isEmpty();
  }

  @Test
  void newCardsAreGatheredByDeckByPositionOrByReversePositionWithinTheDeckTreeLimits() {
    long parent = s.deck("parent");
    long child = s.deck("parent::child");
    long child2 = s.deck("parent::child_2");
    long grandchild = s.deck("parent::child::grandchild");
    for (long deck : List.of(parent, child, child2, grandchild)) s.add("Basic (and reversed card)", deck, "f", "b");
    // the child's limit of 3 also limits the grandchild
    s.preset(child, b -> b.setNewPerDay(3));

    s.preset(parent, b -> b.setNewCardGatherPriority(Config.NewCardGatherPriority.NEW_CARD_GATHER_PRIORITY_DECK)
        .setNewCardSortOrder(Config.NewCardSortOrder.NEW_CARD_SORT_ORDER_NO_SORT));
    assertThat(deckAndTemplate(parent)).containsExactly(parent + ":0", parent + ":1", child + ":0", child + ":1",
        grandchild + ":0", child2 + ":0", child2 + ":1");

    s.preset(parent, b -> b.setNewCardGatherPriority(Config.NewCardGatherPriority.NEW_CARD_GATHER_PRIORITY_LOWEST_POSITION)
        .setNewCardSortOrder(Config.NewCardSortOrder.NEW_CARD_SORT_ORDER_NO_SORT));
    assertThat(deckAndTemplate(parent)).containsExactly(parent + ":0", parent + ":1", child + ":0", child + ":1",
        child2 + ":0", child2 + ":1", grandchild + ":0");

    s.preset(parent, b -> b.setNewCardGatherPriority(Config.NewCardGatherPriority.NEW_CARD_GATHER_PRIORITY_HIGHEST_POSITION)
        .setNewCardSortOrder(Config.NewCardSortOrder.NEW_CARD_SORT_ORDER_NO_SORT));
    assertThat(deckAndTemplate(parent)).containsExactly(grandchild + ":0", grandchild + ":1", child2 + ":0",
        child2 + ":1", child + ":0", parent + ":0", parent + ":1");
  }

  @Test
  void reviewsInRelativeOverduenessOrder() {
    int[][] expected = {{-150, 1}, {-100, 1}, {-50, 1}, {-150, 5}, {-100, 5}, {-50, 5}, {-150, 20}, {-150, 20},
        {-100, 20}, {-50, 20}, {-150, 100}, {-100, 100}, {-50, 100}, {0, 1}, {0, 5}, {0, 20}, {0, 100}};
    assertThat(s.today()).isZero();
    for (int[] dueIvl : expected) {
      long card = s.add("Basic", 1, "foo" + s.clock.millis(), "").get(0);
      s.sql("update cards set type = 2, queue = 2, due = ?, ivl = ? where id = ?", dueIvl[0], dueIvl[1], card);
    }
    s.preset(1, b -> b.setReviewOrder(Config.ReviewCardOrder.REVIEW_CARD_ORDER_RELATIVE_OVERDUENESS));
    List<List<Integer>> order = new ArrayList<>();
    for (long cid : queue(1)) {
      order.add(s.col.read(c -> c.cards().get(cid).map(card -> List.of(card.due(), card.ivl())).orElseThrow()));
    }
    List<List<Integer>> want = new ArrayList<>();
    for (int[] e : expected) want.add(List.of(e[0], e[1]));
    assertThat(order).isEqualTo(want);
  }

  @Test
  void newCardsMayIgnoreTheReviewLimit() {
    s.col.write(c -> {
      c.config().set("newCardsIgnoreReviewLimit", true);
      return null;
    });
    s.defaultPreset(b -> b.setReviewsPerDay(0));
    s.add("Basic", 1, "a", "");
    assertThat(queue(1)).hasSize(1);
  }

  @Test
  void reviewsDoNotLowerTheNewLimitBeforeTheReviewLimitIsReached() {
    s.defaultPreset(b -> b.setNewPerDay(1));
    List<Long> cards = s.add("Basic (and reversed card)", 1, "a", "b");
    s.sql("update cards set type = 2, queue = 2, due = 0, ivl = 1 where id = ?", cards.get(1));
    assertThat(queue(1)).hasSize(2);
  }

  @Test
  void parentLimitsApplyToTheChildWhenTheOptionIsOn() {
    s.col.write(c -> {
      c.config().set("applyAllParentLimits", true);
      return null;
    });
    s.defaultPreset(b -> b.setNewPerDay(0));
    long child = s.deck("Default::child");
    s.preset(child, b -> b.setNewPerDay(20));
    s.add("Basic", child, "a", "");
    assertThat(queue(child)).isEmpty();
  }

  @Test
  void aReviewSiblingOfAQueuedNewCardIsLeftOutWhenReviewsAreBuried() {
    List<Long> cards = s.add("Basic (and reversed card)", 1, "a", "b");
    s.sql("update cards set type = 2, queue = 2, due = 0, ivl = 1 where id = ?", cards.get(1));
    s.defaultPreset(b -> b.setNewMix(Config.ReviewMix.REVIEW_MIX_BEFORE_REVIEWS).setBuryNew(false).setBuryReviews(true));
    // the review is gathered first and marks the note; the new sibling is not buried by it
    assertThat(queue(1)).containsExactlyInAnyOrder(cards.get(0), cards.get(1));
    s.defaultPreset(b -> b.setBuryNew(true).setBuryReviews(true));
    assertThat(queue(1)).containsExactly(cards.get(1));
  }

  @Test
  void newCardsFollowTheMixSetting() {
    List<Long> fresh = s.add("Basic", 1, "n", "");
    long review = s.add("Basic", 1, "r", "").get(0);
    s.sql("update cards set type = 2, queue = 2, due = 0, ivl = 1 where id = ?", review);
    s.defaultPreset(b -> b.setNewMix(Config.ReviewMix.REVIEW_MIX_BEFORE_REVIEWS));
    assertThat(queue(1)).containsExactly(fresh.get(0), review);
    s.defaultPreset(b -> b.setNewMix(Config.ReviewMix.REVIEW_MIX_AFTER_REVIEWS));
    assertThat(queue(1)).containsExactly(review, fresh.get(0));
  }

  @Test
  void intradayLearningCardsComeFirstWhenDueAndLastWhenOnlyWithinLearnAhead() {
    long fresh = s.add("Basic", 1, "n", "").get(0);
    long dueNow = s.add("Basic", 1, "l1", "").get(0);
    long dueSoon = s.add("Basic", 1, "l2", "").get(0);
    long now = s.col.read(c -> c.timing().now());
    s.sql("update cards set type = 1, queue = 1, due = ?, reps = 1, left = 1 where id = ?", now - 10, dueNow);
    s.sql("update cards set type = 1, queue = 1, due = ?, reps = 1, left = 1 where id = ?", now + 600, dueSoon);
    assertThat(queue(1)).containsExactly(dueNow, fresh, dueSoon);
  }
}
