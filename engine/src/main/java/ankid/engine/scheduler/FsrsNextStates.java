package ankid.engine.scheduler;

/** FSRS's memory state and float interval (days) after each rating. */
public record FsrsNextStates(Item again, Item hard, Item good, Item easy) {
  public record Item(MemoryState memory, float interval) {}

  Item forRating(int rating) {
    return switch (rating) {
      case 1 -> again;
      case 2 -> hard;
      case 3 -> good;
      default -> easy;
    };
  }
}
