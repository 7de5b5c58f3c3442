package ankid.engine.scheduler;

/**
 * The scheduling-relevant columns of one {@code cards} row. {@code due}/{@code odue} are Anki's
 * i32; ids are i64. The storage layer maps rows to and from this record.
 */
public record CardRow(
    long id,
    long nid,
    long did,
    int ord,
    int type,
    int queue,
    int due,
    int ivl,
    int factor,
    int reps,
    int lapses,
    int left,
    int odue,
    long odid,
    int flags,
    CardData data) {

  public static final int TYPE_NEW = 0, TYPE_LEARN = 1, TYPE_REVIEW = 2, TYPE_RELEARN = 3;
  public static final int QUEUE_USER_BURIED = -3, QUEUE_SCHED_BURIED = -2, QUEUE_SUSPENDED = -1,
      QUEUE_NEW = 0, QUEUE_LEARN = 1, QUEUE_REVIEW = 2, QUEUE_DAY_LEARN = 3, QUEUE_PREVIEW = 4;

  /** The preset is taken from the home deck. */
  public long homeDeckId() {
    return odid != 0 ? odid : did;
  }

  /** Legacy rows may hold {@code today*1000 + count}. */
  public int remainingSteps() {
    return left % 1000;
  }

  public float easeFactor() {
    return factor / 1000f;
  }

  public CardRow withSchedule(int type, int queue, int due, int ivl, int factor, int lapses, int left) {
    return new CardRow(id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
  }

  public CardRow withQueue(int newQueue) {
    return new CardRow(id, nid, did, ord, type, newQueue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data);
  }

  public CardRow withDue(int newDue) {
    return new CardRow(id, nid, did, ord, type, queue, newDue, ivl, factor, reps, lapses, left, odue, odid, flags, data);
  }

  public CardRow withDecks(long newDid, int newOdue, long newOdid) {
    return new CardRow(id, nid, newDid, ord, type, queue, due, ivl, factor, reps, lapses, left, newOdue, newOdid, flags, data);
  }

  public CardRow withCounts(int newReps, int newLapses) {
    return new CardRow(id, nid, did, ord, type, queue, due, ivl, factor, newReps, newLapses, left, odue, odid, flags, data);
  }

  public CardRow withData(CardData newData) {
    return new CardRow(id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, newData);
  }

  /** {@code remove_from_filtered_deck_before_reschedule}: home deck back, odue dropped. */
  public CardRow removedFromFilteredDeck() {
    return odid == 0 ? this : withDecks(odid, 0, 0);
  }

  /** {@code remove_from_filtered_deck_restoring_queue}: home deck, original due and queue back. */
  public CardRow removedFromFilteredDeckRestoringQueue() {
    if (odid == 0) return this;
    int restoredDue = odue != 0 ? odue : due;
    CardRow c = withDecks(odid, 0, 0).withDue(restoredDue);
    return c.queue >= 0 ? c.withQueue(c.queueFromType()) : c;
  }

  /** The queue a card of this type returns to when unsuspended / unburied (§14.1). */
  public int queueFromType() {
    return switch (type) {
      case TYPE_NEW -> QUEUE_NEW;
      case TYPE_REVIEW -> QUEUE_REVIEW;
      default -> due > 1_000_000_000 ? QUEUE_LEARN : QUEUE_DAY_LEARN;
    };
  }
}
