package ankid.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Rust's Perl classes as RE2 class items: Rust's {@code \d} is {@code \p{Nd}}, {@code \s} the
 * White_Space property, {@code \w} Unicode's word characters (Alphabetic, marks, decimal digits,
 * connector punctuation and the joiners; regex-syntax's {@code perl_word}), and the capitals their
 * complements. RE2 knows only general categories and scripts, so White_Space and Alphabetic are
 * spelled out as code point ranges, computed from the running JDK's Unicode tables.
 */
final class UnicodeClasses {
  private UnicodeClasses() {}

  private static final String SPACE = ranges(UnicodeClasses::isWhiteSpace, false);
  private static final String NOT_SPACE = ranges(UnicodeClasses::isWhiteSpace, true);
  private static final String WORD = ranges(UnicodeClasses::isWord, false);
  private static final String NOT_WORD = ranges(UnicodeClasses::isWord, true);

  /** The class items for {@code \}{@code escape}, or null when it is not a Perl class. */
  static String items(char escape) {
    return switch (escape) {
      case 'd' -> "\\p{Nd}";
      case 'D' -> "\\P{Nd}";
      case 's' -> SPACE;
      case 'S' -> NOT_SPACE;
      case 'w' -> WORD;
      case 'W' -> NOT_WORD;
      default -> null;
    };
  }

  /** Unicode's White_Space property (PropList.txt). */
  static boolean isWhiteSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d) || cp == 0x20 || cp == 0x85 || cp == 0xa0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f
        || cp == 0x3000;
  }

  /** A word character as Rust's {@code \w} has it. */
  static boolean isWord(int cp) {
    if (Character.isAlphabetic(cp) || cp == 0x200c || cp == 0x200d) return true;
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.CONNECTOR_PUNCTUATION;
  }

  /** The code points where {@code in} holds (or, with {@code negate}, does not) as RE2 ranges. */
  private static String ranges(IntPredicate in, boolean negate) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT + 1; cp++) {
      boolean member = cp <= Character.MAX_CODE_POINT && in.test(cp) != negate;
      if (member && start < 0) start = cp;
      if (!member && start >= 0) {
        runs.add(new int[] {start, cp - 1});
        start = -1;
      }
    }
    StringBuilder out = new StringBuilder(runs.size() * 20);
    for (int[] r : runs) {
      out.append("\\x{").append(Integer.toHexString(r[0])).append('}');
      if (r[1] > r[0]) out.append("-\\x{").append(Integer.toHexString(r[1])).append('}');
    }
    return out.toString();
  }
}
