package ankid.engine.card;

/**
 * One row of the {@code cards} table (rslib/src/card/mod.rs, {@code Card}), every column as stored:
 * {@code mod} in seconds, {@code factor} in permille, {@code due}/{@code odue} Anki's i32, and
 * {@code data} the JSON column, parsed only when looked into. The scheduler reads and returns
 * cards as these values; the {@code with…} methods change only what they name.
 */
public record Card(
    long id,
    long nid,
    long did,
    int ord,
    long mod,
    int usn,
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

  /** {@code type}: rslib/src/card/mod.rs, {@code CardType}. */
  public static final int TYPE_NEW = 0, TYPE_LEARN = 1, TYPE_REVIEW = 2, TYPE_RELEARN = 3;
  /** {@code queue}: rslib/src/card/mod.rs, {@code CardQueue}. */
  public static final int QUEUE_USER_BURIED = -3, QUEUE_SCHED_BURIED = -2, QUEUE_SUSPENDED = -1,
      QUEUE_NEW = 0, QUEUE_LEARN = 1, QUEUE_REVIEW = 2, QUEUE_DAY_LEARN = 3, QUEUE_PREVIEW = 4;

  public boolean isSuspended() {
    return queue == QUEUE_SUSPENDED;
  }

  /** The deck whose preset schedules the card: its original deck while in a filtered deck. */
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

  /**
   * The queue a card of this type returns to (rslib/src/scheduler/filtered/card.rs,
   * {@code restore_queue_from_type}).
   */
  public int queueFromType() {
    return switch (type) {
      case TYPE_NEW -> QUEUE_NEW;
      case TYPE_REVIEW -> QUEUE_REVIEW;
      default -> due > 1_000_000_000 ? QUEUE_LEARN : QUEUE_DAY_LEARN;
    };
  }

  public Card withSchedule(int newType, int newQueue, int newDue, int newIvl, int newFactor, int newLapses,
      int newLeft) {
    return new Card(id, nid, did, ord, mod, usn, newType, newQueue, newDue, newIvl, newFactor, reps, newLapses,
        newLeft, odue, odid, flags, data);
  }

  public Card withQueue(int newQueue) {
    return new Card(id, nid, did, ord, mod, usn, type, newQueue, due, ivl, factor, reps, lapses, left, odue, odid,
        flags, data);
  }

  public Card withDue(int newDue) {
    return new Card(id, nid, did, ord, mod, usn, type, queue, newDue, ivl, factor, reps, lapses, left, odue, odid,
        flags, data);
  }

  public Card withDecks(long newDid, int newOdue, long newOdid) {
    return new Card(id, nid, newDid, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, newOdue,
        newOdid, flags, data);
  }

  public Card withCounts(int newReps, int newLapses) {
    return new Card(id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, newReps, newLapses, left, odue,
        odid, flags, data);
  }

  public Card withData(CardData newData) {
    return new Card(id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,
        flags, newData);
  }

  /** Marked as changed locally (rslib/src/card/mod.rs, {@code Card::set_modified}): a sync sends usn −1. */
  public Card modified(long nowSecs) {
    return new Card(id, nid, did, ord, nowSecs, -1, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,
        flags, data);
  }

  /**
   * Home deck back, odue dropped (rslib/src/scheduler/filtered/card.rs,
   * {@code remove_from_filtered_deck_before_reschedule}).
   */
  public Card removedFromFilteredDeck() {
    return odid == 0 ? this : withDecks(odid, 0, 0);
  }

  /**
   * Home deck, original due and queue back (rslib/src/scheduler/filtered/card.rs,
   * {@code remove_from_filtered_deck_restoring_queue}).
   */
  public Card removedFromFilteredDeckRestoringQueue() {
    if (odid == 0) return this;
    int restoredDue = odue != 0 ? odue : due;
    Card c = withDecks(odid, 0, 0).withDue(restoredDue);
    return c.queue >= 0 ? c.withQueue(c.queueFromType()) : c;
  }
}
