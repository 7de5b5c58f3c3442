package ankid.engine.util;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.function.IntPredicate;

/**
 * The Rust {@code str}/{@code char} semantics Anki's name rules are written in. They differ from
 * Java's look-alikes: Rust's {@code trim()} removes Unicode White_Space (including U+00A0 and
 * U+3000, but not U+001C–U+001F, which {@link String#strip()} would remove), and
 * {@code is_ascii_control} means U+0000–U+001F and U+007F only.
 */
public final class RustStr {
  private RustStr() {}

  /** Rust's {@code char::is_whitespace}: the Unicode White_Space property. */
  public static boolean isWhitespace(int cp) {
    // templates and names are mostly ASCII: answer those without the property lookup
    if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE);
  }

  /** Rust's {@code char::is_ascii_control}. */
  public static boolean isAsciiControl(int cp) {
    return cp < 0x20 || cp == 0x7F;
  }

  /** Rust's {@code str::trim()}. */
  public static String trim(String s) {
    return trimMatches(s, RustStr::isWhitespace);
  }

  /** Rust's {@code str::trim_start()}. */
  public static String trimStart(String s) {
    return trimStartMatches(s, RustStr::isWhitespace);
  }

  /** Rust's {@code str::trim_matches} with a char predicate. */
  public static String trimMatches(String s, IntPredicate strip) {
    int start = 0;
    int end = s.length();
    while (start < end && strip.test(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && strip.test(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }

  /** Rust's {@code str::trim_start_matches} with a char predicate. */
  public static String trimStartMatches(String s, IntPredicate strip) {
    int start = 0;
    while (start < s.length() && strip.test(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    return s.substring(start);
  }

  /** Every code point matching {@code remove} deleted; the same instance when none does. */
  public static String removeMatching(String s, IntPredicate remove) {
    if (s.codePoints().noneMatch(remove)) return s;
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(remove.negate()).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** Unicode NFC; the same instance when already normalised. */
  public static String toNfc(String s) {
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** Number of UTF-8 bytes of s (Rust's {@code str::len}). */
  public static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return bytes;
  }

  /** The longest prefix of s of at most maxBytes UTF-8 bytes, cut on a character boundary. */
  public static String truncateUtf8(String s, int maxBytes) {
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) return s.substring(0, i);
      bytes += len;
      i += Character.charCount(cp);
    }
    return s;
  }

  /** Whether bytes are well-formed UTF-8, as Rust's {@code std::str::from_utf8} accepts them. */
  public static boolean isUtf8(byte[] bytes) {
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Rust's {@code String::from_utf8_lossy}: every maximal ill-formed subsequence becomes one U+FFFD,
   * with Rust's boundaries (core/src/str/validations.rs, {@code run_utf8_validation}): a byte that
   * cannot start a character, or that the next byte does not continue, is one; a character cut off
   * at the end is one. Java's decoder draws some boundaries differently (a UTF-16 surrogate
   * encoded as three bytes is one replacement there, three in Rust).
   */
  public static String fromUtf8Lossy(byte[] bytes) {
    String decoded = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    // without a replacement character the bytes were UTF-8 (nearly always): no need to look closer
    if (decoded.indexOf('\uFFFD') < 0) return decoded;
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int valid = validUtf8Length(bytes, i);
      if (valid > 0) {
        out.append(new String(bytes, i, valid, java.nio.charset.StandardCharsets.UTF_8));
        i += valid;
      } else {
        out.append('\uFFFD');
        i += -valid;
      }
    }
    return out.toString();
  }

  /**
   * The length of the character starting at {@code i}, or minus the number of bytes to replace by
   * one U+FFFD when none starts there.
   */
  private static int validUtf8Length(byte[] b, int i) {
    int first = b[i] & 0xff;
    if (first < 0x80) return 1;
    int width = first >= 0xC2 && first <= 0xDF ? 2 : first >= 0xE0 && first <= 0xEF ? 3
        : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
    if (width == 0) return -1;
    for (int k = 1; k < width; k++) {
      if (i + k >= b.length) return -(b.length - i);
      int next = b[i + k] & 0xff;
      boolean ok = k > 1 ? isContinuation(next) : switch (first) {
        case 0xE0 -> next >= 0xA0 && next <= 0xBF;
        case 0xED -> next >= 0x80 && next <= 0x9F;
        case 0xF0 -> next >= 0x90 && next <= 0xBF;
        case 0xF4 -> next >= 0x80 && next <= 0x8F;
        default -> isContinuation(next);
      };
      if (!ok) return -k;
    }
    return width;
  }

  private static boolean isContinuation(int b) {
    return b >= 0x80 && b <= 0xBF;
  }
}
