package ankid.engine.search;

import java.nio.charset.StandardCharsets;

/**
 * {@link TextFolding#withoutCombining} over UTF-8 bytes, one code point at a time from a table:
 * {@code nc:} folds every note's fields for every search, and decoding each into a String,
 * normalizing it and encoding the result again was most of that search's time.
 *
 * <p>Folding one code point at a time gives the same text as folding the whole: NFKD decomposes
 * each code point on its own, and its only step across code points, the canonical reordering,
 * moves only characters with a combining class, which are all combining marks and so dropped
 * ({@code FoldedUtf8Test} checks both over all of Unicode).
 */
final class FoldedUtf8 {
  /** Per BMP code point, the UTF-8 of its folding, or {@link #SAME} when it folds to itself. */
  private static final byte[][] BMP = new byte[0x10000][];
  private static final byte[] SAME = new byte[0];

  static {
    for (int cp = 0x80; cp < 0x10000; cp++) {
      if (Character.isSurrogate((char) cp)) continue;
      BMP[cp] = folding(cp);
    }
  }

  private FoldedUtf8() {}

  private static byte[] folding(int cp) {
    String s = new String(Character.toChars(cp));
    String folded = TextFolding.withoutCombining(s);
    return folded.equals(s) ? SAME : folded.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The folded text's UTF-8: {@code text} itself when folding leaves it unchanged, or null when
   * it is not well-formed UTF-8 (the caller then folds the String Java decodes, replacement
   * characters and all).
   */
  static byte[] fold(byte[] text) {
    byte[] out = null;
    int outLen = 0;
    int i = 0;
    int n = text.length;
    while (i < n) {
      int b = text[i];
      if (b >= 0) {
        if (out != null) out[outLen++] = (byte) b;
        i++;
        continue;
      }
      int len;
      int cp;
      if ((b & 0xE0) == 0xC0) {
        len = 2;
        cp = b & 0x1F;
      } else if ((b & 0xF0) == 0xE0) {
        len = 3;
        cp = b & 0x0F;
      } else if ((b & 0xF8) == 0xF0) {
        len = 4;
        cp = b & 0x07;
      } else {
        return null;
      }
      if (i + len > n) return null;
      for (int k = 1; k < len; k++) {
        int c = text[i + k];
        if ((c & 0xC0) != 0x80) return null;
        cp = (cp << 6) | (c & 0x3F);
      }
      // overlong forms, surrogates and values past Unicode are malformed
      if (cp < (len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000) || cp > Character.MAX_CODE_POINT
          || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return null;
      }
      byte[] folded = cp < 0x10000 ? BMP[cp] : folding(cp);
      if (folded == SAME) {
        if (out != null) {
          System.arraycopy(text, i, out, outLen, len);
          outLen += len;
        }
      } else {
        if (out == null) {
          // a folding is at most a few times longer than the code point (NFKD of U+FDFA: 18 letters)
          out = new byte[n + 64];
          System.arraycopy(text, 0, out, 0, i);
          outLen = i;
        }
        int room = outLen + folded.length + (n - i);
        if (room > out.length) out = java.util.Arrays.copyOf(out, Math.max(room, out.length * 2));
        System.arraycopy(folded, 0, out, outLen, folded.length);
        outLen += folded.length;
      }
      i += len;
    }
    return out == null ? text : java.util.Arrays.copyOf(out, outLen);
  }
}
