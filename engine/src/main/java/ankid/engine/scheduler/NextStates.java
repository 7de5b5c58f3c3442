package ankid.engine.scheduler;

/** The current state and the state each answer button leads to. */
public record NextStates(CardState current, CardState again, CardState hard, CardState good,
    CardState easy) {

  /** Rating 1..4 = again, hard, good, easy. */
  public CardState forRating(int rating) {
    return switch (rating) {
      case 1 -> again;
      case 2 -> hard;
      case 3 -> good;
      case 4 -> easy;
      default -> throw new SchedulerException("invalid rating: " + rating);
    };
  }
}
