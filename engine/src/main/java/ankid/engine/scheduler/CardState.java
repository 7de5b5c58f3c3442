package ankid.engine.scheduler;

import ankid.engine.revlog.RevlogEntry;

/**
 * A card's scheduling state (Anki's {@code CardState}): the four normal states, and the two
 * wrappers used while a card sits in a filtered deck.
 */
public sealed interface CardState {
  /**
   * The interval this state stands for, before the rollover rule of {@link Interval#maybeAsDays}.
   */
  Interval interval();

  /** Revlog {@code type} when answering from this state. */
  int revlogKind();

  /** Position of a new card, so it is remembered when the card leaves the new queue. */
  default Long newPosition() {
    return null;
  }

  record NewState(long position) implements CardState {
    public Interval interval() {
      return Interval.secs(0);
    }

    public int revlogKind() {
      return RevlogEntry.KIND_LEARNING;
    }

    @Override
    public Long newPosition() {
      return position;
    }
  }

  record LearnState(int remainingSteps, long scheduledSecs, long elapsedSecs, MemoryState memory)
      implements CardState {
    public Interval interval() {
      return Interval.secs(scheduledSecs);
    }

    public int revlogKind() {
      return RevlogEntry.KIND_LEARNING;
    }
  }

  record ReviewState(long scheduledDays, long elapsedDays, float easeFactor, int lapses,
      boolean leeched, MemoryState memory) implements CardState {
    public Interval interval() {
      return Interval.days(scheduledDays);
    }

    /** Only possible in a rescheduling filtered deck: normal decks treat early cards as due. */
    public long daysLate() {
      return elapsedDays - scheduledDays;
    }

    public int revlogKind() {
      return daysLate() < 0 ? RevlogEntry.KIND_FILTERED : RevlogEntry.KIND_REVIEW;
    }
  }

  record RelearnState(LearnState learning, ReviewState review) implements CardState {
    public Interval interval() {
      return learning.interval();
    }

    public int revlogKind() {
      return RevlogEntry.KIND_RELEARNING;
    }
  }

  /** Filtered deck without rescheduling. */
  record PreviewState(long scheduledSecs, boolean finished) implements CardState {
    public Interval interval() {
      return Interval.secs(scheduledSecs);
    }

    public int revlogKind() {
      return RevlogEntry.KIND_FILTERED;
    }
  }

  /** Filtered deck that reschedules: a normal state that keeps the card in the filtered deck. */
  record ReschedulingState(CardState original) implements CardState {
    public Interval interval() {
      return original.interval();
    }

    public int revlogKind() {
      return original.revlogKind();
    }

    @Override
    public Long newPosition() {
      return original.newPosition();
    }
  }
}
