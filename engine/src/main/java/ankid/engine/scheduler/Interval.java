package ankid.engine.scheduler;

/** A state's interval: whole days, or seconds for (re)learning steps and previews. */
public record Interval(boolean inDays, long amount) {
  public static Interval days(long d) {
    return new Interval(true, d);
  }

  public static Interval secs(long s) {
    return new Interval(false, s);
  }

  /**
   * A delay that reaches the next day cutoff becomes a day count
   * (rslib/src/scheduler/states/interval_kind.rs, {@code IntervalKind::maybe_as_days}).
   */
  public Interval maybeAsDays(long secsUntilRollover) {
    if (inDays || amount < secsUntilRollover) return this;
    return days((amount - secsUntilRollover) / 86_400 + 1);
  }

  /** Revlog encoding: positive days, negative seconds. */
  public long revlogValue() {
    return inDays ? amount : -amount;
  }

  public long seconds() {
    return inDays ? amount * 86_400 : amount;
  }
}
