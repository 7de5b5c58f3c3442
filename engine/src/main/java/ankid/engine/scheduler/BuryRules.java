package ankid.engine.scheduler;

import ankid.engine.card.Card;
import java.util.ArrayList;
import java.util.List;

/** Suspend, bury and unbury (rslib/src/scheduler/bury_and_suspend.rs) as pure row updates. */
public final class BuryRules {
  private BuryRules() {}

  /** Which sibling queues get buried after answering a card. */
  public record SiblingBury(boolean buryNew, boolean buryReviews, boolean buryInterdayLearning) {
    public boolean any() {
      return buryNew || buryReviews || buryInterdayLearning;
    }

    public boolean buries(Card sibling) {
      return (sibling.queue() == Card.QUEUE_NEW && buryNew)
          || (sibling.queue() == Card.QUEUE_REVIEW && buryReviews)
          || (sibling.queue() == Card.QUEUE_DAY_LEARN && buryInterdayLearning);
    }
  }

  /**
   * The preset's flags narrowed by the queue the answered card was in
   * (rslib/src/scheduler/answering/mod.rs, {@code maybe_bury_siblings}).
   */
  public static SiblingBury siblingBuryAfterAnswer(DeckPreset preset, int queueBefore) {
    boolean buryNew = preset.buryNew();
    boolean buryReviews = preset.buryReviews();
    boolean buryInterday = preset.buryInterdayLearning();
    if (queueBefore == Card.QUEUE_REVIEW) buryInterday = false;
    if (queueBefore == Card.QUEUE_NEW) {
      buryReviews = false;
      buryInterday = false;
    }
    return new SiblingBury(buryNew, buryReviews, buryInterday);
  }

  /** The other cards of the answered card's note that go to queue −2. */
  public static List<Card> buriedSiblings(long answeredCardId, List<Card> noteCards, SiblingBury rule) {
    List<Card> out = new ArrayList<>();
    for (Card c : noteCards) {
      if (c.id() != answeredCardId && rule.buries(c)) out.add(c.withQueue(Card.QUEUE_SCHED_BURIED));
    }
    return out;
  }

  /** Suspend (queue −1); cards already suspended are skipped (returned list holds changes only). */
  public static List<Card> suspend(List<Card> cards) {
    List<Card> out = new ArrayList<>();
    for (Card c : cards) if (c.queue() != Card.QUEUE_SUSPENDED) out.add(c.withQueue(Card.QUEUE_SUSPENDED));
    return out;
  }

  /**
   * Bury manually (−3) or as siblings (−2). Suspended cards are never buried, because burying
   * would unsuspend them.
   */
  public static List<Card> bury(List<Card> cards, boolean manual) {
    int target = manual ? Card.QUEUE_USER_BURIED : Card.QUEUE_SCHED_BURIED;
    List<Card> out = new ArrayList<>();
    for (Card c : cards) {
      if (c.queue() != target && c.queue() != Card.QUEUE_SUSPENDED) out.add(c.withQueue(target));
    }
    return out;
  }

  /** Restore suspended cards' queues from their type. */
  public static List<Card> unsuspend(List<Card> cards) {
    return restore(cards, Card.QUEUE_SUSPENDED, Card.QUEUE_SUSPENDED);
  }

  /** Unbury: {@code userOnly} −3 only, {@code schedOnly} −2 only, else both. */
  public static List<Card> unbury(List<Card> cards, boolean userOnly, boolean schedOnly) {
    int lo = schedOnly ? Card.QUEUE_SCHED_BURIED : Card.QUEUE_USER_BURIED;
    int hi = userOnly ? Card.QUEUE_USER_BURIED : Card.QUEUE_SCHED_BURIED;
    return restore(cards, lo, hi);
  }

  private static List<Card> restore(List<Card> cards, int lo, int hi) {
    List<Card> out = new ArrayList<>();
    for (Card c : cards) if (c.queue() >= lo && c.queue() <= hi) out.add(c.withQueue(c.queueFromType()));
    return out;
  }

  /**
   * Buried cards are restored when the day has rolled over
   * (rslib/src/scheduler/bury_and_suspend.rs, {@code unbury_if_day_rolled_over}).
   */
  public static boolean needsAutomaticUnbury(long lastUnburied, long today) {
    return lastUnburied < today || lastUnburied > today + 7;
  }
}
