package ankid.engine.scheduler.queue;

/**
 * A card waiting in the study queues (rslib {@code scheduler/queue/entry.rs}): either in the main
 * queue (new, review and interday learning cards) or in the intraday learning queue, ordered by
 * due time. {@code mtime} is the card's {@code mod} when queued, so a card changed since can be
 * told apart.
 */
public sealed interface QueueEntry {
  long id();

  long mtime();

  Kind kind();

  /** What the counts call the card. */
  enum Kind { NEW, LEARNING, REVIEW }

  /** Where a main-queue card came from. */
  enum MainKind { NEW, REVIEW, INTERDAY_LEARNING }

  record Main(long id, long mtime, MainKind mainKind) implements QueueEntry {
    @Override
    public Kind kind() {
      return switch (mainKind) {
        case NEW -> Kind.NEW;
        case REVIEW -> Kind.REVIEW;
        case INTERDAY_LEARNING -> Kind.LEARNING;
      };
    }
  }

  /** An intraday learning card; {@code due} is a unix time in seconds. */
  record Learning(long due, long id, long mtime, int reps) implements QueueEntry {
    @Override
    public Kind kind() {
      return Kind.LEARNING;
    }

    /** Cards answered before (reps > 0) first, then by due (learning.rs, {@code cmp_by_reps_then_due}). */
    int compareByRepsThenDue(Learning other) {
      int c = Boolean.compare(reps == 0, other.reps == 0);
      return c != 0 ? c : Long.compare(due, other.due);
    }

    Learning withDue(long newDue) {
      return new Learning(newDue, id, mtime, reps);
    }
  }
}
