package ankid.engine.scheduler;

import java.util.ArrayList;
import java.util.List;

/** Suspend, bury and unbury (§14) as pure row updates. */
public final class BuryRules {
  private BuryRules() {}

  /** Which sibling queues get buried after answering a card. */
  public record SiblingBury(boolean buryNew, boolean buryReviews, boolean buryInterdayLearning) {
    public boolean any() {
      return buryNew || buryReviews || buryInterdayLearning;
    }

    public boolean buries(CardRow sibling) {
      return (sibling.queue() == CardRow.QUEUE_NEW && buryNew)
          || (sibling.queue() == CardRow.QUEUE_REVIEW && buryReviews)
          || (sibling.queue() == CardRow.QUEUE_DAY_LEARN && buryInterdayLearning);
    }
  }

  /** §14.2: the preset's flags narrowed by the queue the answered card was in. */
  public static SiblingBury siblingBuryAfterAnswer(DeckPreset preset, int queueBefore) {
    boolean buryNew = preset.buryNew();
    boolean buryReviews = preset.buryReviews();
    boolean buryInterday = preset.buryInterdayLearning();
    if (queueBefore == CardRow.QUEUE_REVIEW) buryInterday = false;
    if (queueBefore == CardRow.QUEUE_NEW) {
      buryReviews = false;
      buryInterday = false;
    }
    return new SiblingBury(buryNew, buryReviews, buryInterday);
  }

  /** The other cards of the answered card's note that go to queue −2. */
  public static List<CardRow> buriedSiblings(long answeredCardId, List<CardRow> noteCards, SiblingBury rule) {
    List<CardRow> out = new ArrayList<>();
    for (CardRow c : noteCards) {
      if (c.id() != answeredCardId && rule.buries(c)) out.add(c.withQueue(CardRow.QUEUE_SCHED_BURIED));
    }
    return out;
  }

  /** Suspend (queue −1); cards already suspended are skipped (returned list holds changes only). */
  public static List<CardRow> suspend(List<CardRow> cards) {
    List<CardRow> out = new ArrayList<>();
    for (CardRow c : cards) if (c.queue() != CardRow.QUEUE_SUSPENDED) out.add(c.withQueue(CardRow.QUEUE_SUSPENDED));
    return out;
  }

  /**
   * Bury manually (−3) or as siblings (−2). Suspended cards are never buried, because burying
   * would unsuspend them.
   */
  public static List<CardRow> bury(List<CardRow> cards, boolean manual) {
    int target = manual ? CardRow.QUEUE_USER_BURIED : CardRow.QUEUE_SCHED_BURIED;
    List<CardRow> out = new ArrayList<>();
    for (CardRow c : cards) {
      if (c.queue() != target && c.queue() != CardRow.QUEUE_SUSPENDED) out.add(c.withQueue(target));
    }
    return out;
  }

  /** Restore suspended cards' queues from their type. */
  public static List<CardRow> unsuspend(List<CardRow> cards) {
    return restore(cards, CardRow.QUEUE_SUSPENDED, CardRow.QUEUE_SUSPENDED);
  }

  /** Unbury: {@code userOnly} −3 only, {@code schedOnly} −2 only, else both. */
  public static List<CardRow> unbury(List<CardRow> cards, boolean userOnly, boolean schedOnly) {
    int lo = schedOnly ? CardRow.QUEUE_SCHED_BURIED : CardRow.QUEUE_USER_BURIED;
    int hi = userOnly ? CardRow.QUEUE_USER_BURIED : CardRow.QUEUE_SCHED_BURIED;
    return restore(cards, lo, hi);
  }

  private static List<CardRow> restore(List<CardRow> cards, int lo, int hi) {
    List<CardRow> out = new ArrayList<>();
    for (CardRow c : cards) if (c.queue() >= lo && c.queue() <= hi) out.add(c.withQueue(c.queueFromType()));
    return out;
  }

  /** §14.3: buried cards are restored when the day has rolled over. */
  public static boolean needsAutomaticUnbury(long lastUnburied, long today) {
    return lastUnburied < today || lastUnburied > today + 7;
  }
}
