package ankid.engine.scheduler;

/** FSRS memory state: stability in days, difficulty 1..10. */
public record MemoryState(float stability, float difficulty) {
  /** (D − 1) / 9 + 0.1, what the revlog {@code factor} stores ×1000. */
  public float difficultyShifted() {
    return (difficulty - 1f) / 9f + 0.1f;
  }
}
