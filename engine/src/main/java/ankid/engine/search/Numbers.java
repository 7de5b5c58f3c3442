package ankid.engine.search;

import ankid.engine.search.SearchException.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Number parsing with Rust's {@code str::parse} rules (ASCII digits, optional sign, range-checked,
 * no suffixes or hex), and Rust's way of printing an f32 into SQL.
 */
final class Numbers {
  private static final Pattern UNSIGNED = Pattern.compile("\\+?[0-9]+");
  private static final Pattern SIGNED = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))");

  private Numbers() {}

  /** An unsigned value up to {@code max}, or null. */
  static Long tryUnsigned(String s, long max) {
    if (!UNSIGNED.matcher(s).matches()) return null;
    BigInteger n = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    return n.compareTo(BigInteger.valueOf(max)) > 0 ? null : n.longValue();
  }

  static Long trySigned(String s, long min, long max) {
    if (!SIGNED.matcher(s).matches()) return null;
    BigInteger n = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
    if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) return null;
    return n.longValue();
  }

  static int u32(String s, String context) {
    Long n = tryUnsigned(s, 0xFFFF_FFFFL);
    if (n == null) throw SearchException.invalidNumber(Kind.INVALID_POSITIVE_WHOLE_NUMBER, context, s);
    // days and counts beyond 2^31 mean "everything"; keep them as int without wrapping
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  static long u32Long(String s, String context) {
    Long n = tryUnsigned(s, 0xFFFF_FFFFL);
    if (n == null) throw SearchException.invalidNumber(Kind.INVALID_POSITIVE_WHOLE_NUMBER, context, s);
    return n;
  }

  static int i32(String s, String context) {
    Long n = trySigned(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (n == null) throw SearchException.invalidNumber(Kind.INVALID_WHOLE_NUMBER, context, s);
    return n.intValue();
  }

  static int nonPositiveI32(String s, String context) {
    Long n = trySigned(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (n == null || n > 0) throw SearchException.invalidNumber(Kind.INVALID_NEGATIVE_WHOLE_NUMBER, context, s);
    return n.intValue();
  }

  static long i64(String s, String context) {
    Long n = trySigned(s, Long.MIN_VALUE, Long.MAX_VALUE);
    if (n == null) throw SearchException.invalidNumber(Kind.INVALID_WHOLE_NUMBER, context, s);
    return n;
  }

  static float f32(String s, String context) {
    if (!FLOAT.matcher(s).matches()) throw SearchException.invalidNumber(Kind.INVALID_NUMBER, context, s);
    String body = s.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
    float sign = s.startsWith("-") ? -1f : 1f;
    if (body.startsWith("inf")) return sign * Float.POSITIVE_INFINITY;
    if (body.equals("nan")) return Float.NaN;
    return Float.parseFloat(s);
  }

  /** Rust's {@code Display} for f32: shortest round-trip digits, never an exponent ({@code 1}, {@code 2.5}). */
  static String formatF32(float f) {
    if (Float.isNaN(f)) return "NaN";
    if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
    if (f == 0) return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
    return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
  }
}
