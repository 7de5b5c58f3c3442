package ankid.engine.scheduler;

/**
 * Anki's interval fuzz (rslib/src/scheduler/states/fuzz.rs) and learning-step fuzz
 * (answering/learning.rs, {@code learning_ivl_with_fuzz}). The fuzz factor comes from
 * {@link AnkiRng} seeded with card id + reps, so re-showing a card gives the same numbers.
 */
public final class Fuzz {
  private Fuzz() {}

  /** The seed of the answer about to be given: card id + reps before the answer (u64 wrapping). */
  public static long seed(long cardId, int repsBeforeAnswer) {
    return cardId + repsBeforeAnswer;
  }

  /** The per-answer review fuzz factor in [0, 1). */
  public static float factor(long seed) {
    return AnkiRng.seedFromU64(seed).nextF32();
  }

  static float delta(float interval) {
    if (interval < 2.5f) return 0f;
    float sum = 0f;
    sum += 0.15f * Math.max(Math.min(interval, 7f) - 2.5f, 0f);
    sum += 0.1f * Math.max(Math.min(interval, 20f) - 7f, 0f);
    sum += 0.05f * Math.max(interval - 20f, 0f);
    return sum + 1f;
  }

  /** Inclusive fuzz bounds of {@code interval} clamped into [minimum, maximum]. */
  public static long[] constrainedBounds(float interval, long minimum, long maximum) {
    minimum = Math.min(minimum, maximum);
    float x = RustMath.clamp(interval, (float) minimum, (float) maximum);
    float delta = delta(x);
    long lower = RustMath.clamp(RustMath.roundU32(x - delta), minimum, maximum);
    long upper = RustMath.clamp(RustMath.roundU32(x + delta), minimum, maximum);
    if (upper == lower && upper > 2 && upper < maximum) upper = lower + 1;
    return new long[] {lower, upper};
  }

  /**
   * {@code with_review_fuzz}: a day count in [minimum, maximum]. A null factor means fuzz is
   * disabled (Anki's own unit tests), which rounds and clamps instead.
   */
  public static long review(Float factor, float interval, long minimum, long maximum) {
    if (factor == null) return RustMath.clamp(RustMath.roundU32(interval), minimum, maximum);
    long[] b = constrainedBounds(interval, minimum, maximum);
    return (long) Math.floor(b[0] + factor * (float) (1 + b[1] - b[0]));
  }

  /** Intraday learning delay plus up to 25 % (at most 5 minutes), drawn from the answer's seed. */
  public static long learning(Long seed, long secs) {
    long upperExclusive = secs + (long) Math.floor(Math.min(secs * 0.25f, 300f));
    if (seed == null || secs >= upperExclusive) return secs;
    return AnkiRng.seedFromU64(seed).uniformU32(secs, upperExclusive);
  }
}
