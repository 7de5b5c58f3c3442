package ankid.engine.scheduler;

import java.util.List;

/** Learn or relearn steps in minutes (rslib/src/scheduler/states/steps.rs). */
public record LearningSteps(List<Float> minutes) {
  private static final long DAY = 86_400;

  public LearningSteps {
    minutes = List.copyOf(minutes);
  }

  public boolean isEmpty() {
    return minutes.isEmpty();
  }

  private int index(int remaining) {
    int total = minutes.size();
    return Math.min(Math.max(total - remaining % 1000, 0), Math.max(total - 1, 0));
  }

  private Long secsAt(int index) {
    if (index < 0 || index >= minutes.size()) return null;
    return RustMath.asU32(minutes.get(index) * 60f);
  }

  public Long againDelaySecs() {
    return secsAt(0);
  }

  public Long hardDelaySecs(int remaining) {
    int idx = index(remaining);
    Long current = secsAt(idx);
    if (current == null) current = secsAt(0);
    if (current == null) return null;
    return idx == 0 ? hardDelayForFirstStep(current) : current;
  }

  private long hardDelayForFirstStep(long againSecs) {
    Long next = secsAt(1);
    if (next != null) return maybeRoundInDays((againSecs + next) / 2);
    // 50 % more than again, but at most one day more: a single 3-day step must not give 4.5 days
    return maybeRoundInDays(Math.min(againSecs * 3 / 2, againSecs + DAY));
  }

  private static long maybeRoundInDays(long secs) {
    return secs > DAY ? RustMath.roundU32((float) secs / DAY) * DAY : secs;
  }

  public Long goodDelaySecs(int remaining) {
    return secsAt(index(remaining) + 1);
  }

  public long currentDelaySecs(int remaining) {
    Long s = secsAt(index(remaining));
    return s == null ? 0 : s;
  }

  public int remainingForGood(int remaining) {
    return Math.max(minutes.size() - (index(remaining) + 1), 0);
  }

  public int remainingForFailed() {
    return minutes.size();
  }
}
