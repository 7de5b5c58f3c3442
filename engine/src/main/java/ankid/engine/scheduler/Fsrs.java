package ankid.engine.scheduler;

import java.util.List;

/**
 * The FSRS-6 model of the {@code fsrs} crate 6.6.1, in f32 like the crate. Immutable;
 * build one per preset with {@link #fromParams}.
 */
public final class Fsrs {
  public static final List<Float> DEFAULT_PARAMS = List.of(0.212f, 1.2931f, 2.3065f, 8.2956f,
      6.4133f, 0.8334f, 3.0194f, 0.001f, 1.8722f, 0.1666f, 0.796f, 1.4835f, 0.0614f, 0.2629f,
      1.6483f, 0.6014f, 1.8729f, 0.5425f, 0.0912f, 0.0658f, 0.1542f);
  static final float S_MIN = 0.001f, S_MAX = 36500f;
  private static final float[][] CLAMPS = {
      {0.001f, 100}, {0.001f, 100}, {0.001f, 100}, {0.001f, 100}, {1, 10}, {0.001f, 4},
      {0.001f, 4}, {0.001f, 0.75f}, {0, 4.5f}, {0, 0.8f}, {0.001f, 3.5f}, {0.001f, 5},
      {0.001f, 0.25f}, {0.001f, 0.9f}, {0, 4}, {0, 1}, {1, 6}, {0, 2}, {0, 2}, {0, 0.8f},
      {0.1f, 0.8f}};

  private final float[] w;

  private Fsrs(float[] w) {
    this.w = w;
  }

  /** Preset parameters (21, 19 or 17 values; empty = defaults), filled and clamped. */
  public static Fsrs fromParams(List<Float> params) {
    return new Fsrs(clip(fill(params)));
  }

  /** FSRS-5 and FSRS-4.5 lists are upgraded to 21 values; anything else is invalid. */
  static float[] fill(List<Float> params) {
    for (Float p : params) {
      if (p == null || !Float.isFinite(p)) throw new SchedulerException("invalid FSRS parameters");
    }
    float[] w = new float[21];
    List<Float> src = params.isEmpty() ? DEFAULT_PARAMS : params;
    for (int i = 0; i < Math.min(src.size(), 21); i++) w[i] = src.get(i);
    switch (src.size()) {
      case 21 -> { }
      case 19 -> w[20] = 0.5f;
      case 17 -> {
        w[4] = w[4] + 2f * w[5];
        w[5] = (float) Math.log(1f + 3f * w[5]) / 3f;
        w[6] = w[6] + 0.5f;
        w[20] = 0.5f;
      }
      default -> throw new SchedulerException("invalid FSRS parameters");
    }
    return w;
  }

  static float[] clip(float[] w) {
    float[] out = w.clone();
    for (int i = 0; i < out.length; i++) out[i] = RustMath.clamp(out[i], CLAMPS[i][0], CLAMPS[i][1]);
    return out;
  }

  public float w(int i) {
    return w[i];
  }

  public float decay() {
    return w[20];
  }

  /** Sub-day intervals need the short-term parameters (17-value lists have none). */
  public boolean allowsShortTerm() {
    return w[17] > 0 && w[18] > 0;
  }

  private static float pow(float a, float b) {
    return (float) Math.pow(a, b);
  }

  private static float exp(float a) {
    return (float) Math.exp(a);
  }

  private float factor() {
    return pow(0.9f, 1f / -w[20]) - 1f;
  }

  public float retrievability(float days, float stability) {
    return pow(days / stability * factor() + 1f, -w[20]);
  }

  /** Retrievability of a stored card, whose decay lives in card data (0.5 if absent). */
  public static float currentRetrievability(float days, float stability, float decay) {
    float factor = pow(0.9f, 1f / -decay) - 1f;
    return pow(days / stability * factor + 1f, -decay);
  }

  public float interval(float stability, float desiredRetention) {
    return stability / factor() * (pow(desiredRetention, 1f / -w[20]) - 1f);
  }

  public float initStability(int rating) {
    return w[rating - 1];
  }

  public float initDifficulty(int rating) {
    return w[4] - exp(w[5] * (rating - 1)) + 1f;
  }

  public float nextDifficulty(float d, int rating) {
    float delta = -w[6] * (rating - 3);
    return d + (10f - d) * delta / 9f;
  }

  public float meanReversion(float d) {
    return w[7] * (initDifficulty(4) - d) + d;
  }

  public float stabilityAfterSuccess(float s, float d, float r, int rating) {
    float hardPenalty = rating == 2 ? w[15] : 1f;
    float easyBonus = rating == 4 ? w[16] : 1f;
    return s * (exp(w[8]) * (11f - d) * pow(s, -w[9]) * (exp((1f - r) * w[10]) - 1f)
        * hardPenalty * easyBonus + 1f);
  }

  public float stabilityAfterFailure(float s, float d, float r) {
    float newS = w[11] * pow(d, -w[12]) * (pow(s + 1f, w[13]) - 1f) * exp((1f - r) * w[14]);
    float minS = s / exp(w[17] * w[18]);
    return Math.min(newS, minS);
  }

  public float stabilityShortTerm(float s, int rating) {
    float sinc = exp(w[17] * (rating - 3 + w[18])) * pow(s, -w[19]);
    return s * (rating >= 2 ? Math.max(sinc, 1f) : sinc);
  }

  /** One review: null memory = first review. Rating 0 (manual) keeps the memory. */
  public MemoryState step(MemoryState memory, float elapsedDays, int rating) {
    if (memory == null) {
      return new MemoryState(initStability(rating), RustMath.clamp(initDifficulty(rating), 1f, 10f));
    }
    float s = RustMath.clamp(memory.stability(), S_MIN, S_MAX);
    float d = RustMath.clamp(memory.difficulty(), 1f, 10f);
    if (rating == 0) return new MemoryState(s, d);
    float r = retrievability(elapsedDays, s);
    float newS = rating == 1 ? stabilityAfterFailure(s, d, r) : stabilityAfterSuccess(s, d, r, rating);
    if (elapsedDays == 0f) newS = stabilityShortTerm(s, rating);
    float newD = RustMath.clamp(meanReversion(nextDifficulty(d, rating)), 1f, 10f);
    return new MemoryState(RustMath.clamp(newS, S_MIN, S_MAX), newD);
  }

  public FsrsNextStates nextStates(MemoryState memory, float desiredRetention, long elapsedDays) {
    FsrsNextStates.Item[] items = new FsrsNextStates.Item[4];
    for (int rating = 1; rating <= 4; rating++) {
      MemoryState next = step(memory, elapsedDays, rating);
      items[rating - 1] = new FsrsNextStates.Item(next, interval(next.stability(), desiredRetention));
    }
    return new FsrsNextStates(items[0], items[1], items[2], items[3]);
  }

  /** Memory state implied by SM-2 data when no usable review history exists. */
  public MemoryState memoryFromSm2(float easeFactor, float interval, float historicalRetention) {
    float decay = -w[20];
    float stability = Math.max(interval, S_MIN) * factor() / (pow(historicalRetention, 1f / decay) - 1f);
    float difficulty = 11f - (easeFactor - 1f)
        / (exp(w[8]) * pow(stability, -w[9]) * (float) Math.expm1((1f - historicalRetention) * w[10]));
    return new MemoryState(stability, RustMath.clamp(difficulty, 1f, 10f));
  }
}
