package ankid.engine.scheduler;

/** Rust numeric semantics that differ from Java's defaults and matter for exact intervals. */
public final class RustMath {
  private RustMath() {}

  /** {@code f32::round}: half away from zero (Java's Math.round rounds half up). */
  public static float round(float x) {
    return Math.signum(x) * (float) Math.floor(Math.abs(x) + 0.5f);
  }

  /** {@code x as u32}: truncates toward zero, saturating at 0 (and at u32::MAX, never reached here). */
  static long asU32(float x) {
    if (!(x > 0)) return 0;
    return Math.min((long) x, 0xFFFFFFFFL);
  }

  /** {@code round(x) as u32}. */
  static long roundU32(float x) {
    return asU32(round(x));
  }

  static long clamp(long x, long lo, long hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  static float clamp(float x, float lo, float hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
