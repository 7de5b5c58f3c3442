package ankid.engine.note;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Note guids as Anki makes them: a random unsigned 64-bit number written in base 91. Imports
 * match notes on the guid, so it only has to be unique and stable; other tools use other forms.
 */
public final class Guid {
  /** Anki's base-91 digits; index 0 is {@code a}. */
  public static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~";

  private static final RandomGenerator RANDOM = new SecureRandom();

  private Guid() {}

  /** A fresh random guid (usually 10 characters). */
  public static String random() {
    return random(RANDOM);
  }

  public static String random(RandomGenerator random) {
    return encode(random.nextLong());
  }

  /**
   * Base 91 of {@code value} read as unsigned, most significant digit first, without padding (so
   * 0 gives the empty string, as in Anki).
   */
  public static String encode(long value) {
    char[] digits = new char[10];
    int pos = digits.length;
    long n = value;
    while (n != 0) {
      int digit = (int) Long.remainderUnsigned(n, 91);
      digits[--pos] = ALPHABET.charAt(digit);
      n = Long.divideUnsigned(n, 91);
    }
    return new String(digits, pos, digits.length - pos);
  }
}
