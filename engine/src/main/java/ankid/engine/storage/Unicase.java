package ankid.engine.storage;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.util.VersionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.sqlite.Collation;

/**
 * Anki's {@code unicase} collation: the ordering of the Rust crate unicase 2.6.0, which Anki pins
 * because every unique index on deck, notetype, field, template, preset and tag names was built
 * with it. Strings are compared code point by code point after Unicode full case folding (status
 * C+F) as of Unicode 12.1; ASCII letters simply fold to lower case.
 *
 * <p>Two quirks of unicase 2.6.0 are reproduced on purpose, because an ordering that differs from
 * Anki's would corrupt the B-tree indexes of a real collection: characters assigned after Unicode
 * 12.1 do not fold, and the sixteen 3-code-point foldings come out as (3rd, 1st, 2nd), so that
 * {@code ﬃ} equals {@code IFF} but not {@code FFI}.
 */
public final class Unicase {
  /**
   * The folding tables, built from ICU on first use: ASCII-only comparisons (most of what SQLite
   * asks) never need them, and building them took ~100-150 ms of a server's start-up.
   */
  private static final class Folds {
    private static final VersionInfo UNICODE_12_1 = VersionInfo.getInstance(12, 1, 0, 0);

    /**
     * Start/end pairs of the blocks with case-folding characters: Latin to Greek Extended,
     * letterlike symbols and number forms, enclosed alphanumerics, Glagolitic to Coptic and
     * Georgian supplement, Cyrillic and Latin extensions, Cherokee supplement, ligatures,
     * fullwidth Latin, Deseret/Osage, Vithkuqi, Old Hungarian, Warang Citi, Medefaidrin, Adlam.
     * Scanning only these keeps class initialisation short.
     */
    private static final int[] CASED_RANGES = {
      0x80, 0x2000, 0x2100, 0x2190, 0x2460, 0x2500, 0x2C00, 0x2D30, 0xA640, 0xA800, 0xAB70, 0xABC0,
      0xFB00, 0xFB20, 0xFF21, 0xFF3B, 0x10400, 0x10500, 0x10570, 0x105C0, 0x10C80, 0x10D00,
      0x118A0, 0x11900, 0x16E40, 0x16EA0, 0x1E900, 0x1E960,
    };

    /** Fold of each BMP code point that changes; 0 = unchanged. Negative = index into MULTI. */
    private static final int[] BMP = new int[0x10000];
    /** Supplementary code points that fold (all single foldings), sorted, with their fold. */
    private static final int[] SUPP_KEYS;
    private static final int[] SUPP_VALUES;
    /** Multi-code-point foldings in unicase's emission order; BMP holds -(index + 1). */
    private static final int[][] MULTI;

    static {
      List<int[]> multi = new ArrayList<>();
      TreeMap<Integer, Integer> supplementary = new TreeMap<>();
      // Only the blocks in CASED_RANGES hold characters that fold (a test checks every code point
      // against ICU). The uppercase property catches full foldings that equal the character's NFD
      // (ǰ, ΐ), which Changes_When_Casefolded, being defined on NFD, misses.
      for (int r = 0; r < CASED_RANGES.length; r += 2) {
        for (int cp = CASED_RANGES[r]; cp < CASED_RANGES[r + 1]; cp++) {
          boolean candidate = UCharacter.foldCase(cp, true) != cp
              || UCharacter.hasBinaryProperty(cp, UProperty.CHANGES_WHEN_CASEFOLDED)
              || UCharacter.hasBinaryProperty(cp, UProperty.CHANGES_WHEN_UPPERCASED);
          if (!candidate || UCharacter.getAge(cp).compareTo(UNICODE_12_1) > 0) continue;
          int[] folded = foldWithIcu(cp);
          if (folded == null) continue;
          if (folded.length == 3) folded = new int[] {folded[2], folded[0], folded[1]};
          if (cp >= 0x10000) {
            if (folded.length != 1) throw new IllegalStateException("unexpected multi fold " + cp);
            supplementary.put(cp, folded[0]);
          } else if (folded.length == 1) {
            BMP[cp] = folded[0];
          } else {
            multi.add(folded);
            BMP[cp] = -multi.size();
          }
        }
      }
      for (int cp = 'A'; cp <= 'Z'; cp++) BMP[cp] = cp + 32;
      MULTI = multi.toArray(new int[0][]);
      SUPP_KEYS = supplementary.keySet().stream().mapToInt(Integer::intValue).toArray();
      SUPP_VALUES = supplementary.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** ICU's full default folding of one code point, or null when it folds to itself. */
    private static int[] foldWithIcu(int cp) {
      String s = new String(Character.toChars(cp));
      String f = UCharacter.foldCase(s, UCharacter.FOLD_CASE_DEFAULT);
      if (f.equals(s)) return null;
      return f.codePoints().toArray();
    }
  }

  private Unicase() {}

  /** Compares like Anki's collation: negative, zero or positive. */
  public static int compare(String a, String b) {
    int na = a.length();
    int nb = b.length();
    int n = Math.min(na, nb);
    int i = 0;
    // ASCII fast path: identical positions in both strings, no allocation.
    for (; i < n; i++) {
      char ca = a.charAt(i);
      char cb = b.charAt(i);
      if (ca >= 0x80 || cb >= 0x80) break;
      if (ca != cb) {
        int la = ca >= 'A' && ca <= 'Z' ? ca + 32 : ca;
        int lb = cb >= 'A' && cb <= 'Z' ? cb + 32 : cb;
        if (la != lb) return la < lb ? -1 : 1;
      }
    }
    if (i == n) return na == nb ? 0 : (na < nb ? -1 : 1);
    return compareFolded(a, b, i);
  }

  /** Whether the two strings are equal under the collation (Anki's case-insensitive equality). */
  public static boolean equals(String a, String b) {
    return compare(a, b) == 0;
  }

  /**
   * Walks both strings from {@code start} yielding folded code points lazily; a pending multi-point
   * fold is a shared table row plus an index, so this allocates nothing either.
   */
  private static int compareFolded(String a, String b, int start) {
    int ia = start, ib = start;
    int[] pa = null, pb = null;
    int ka = 0, kb = 0;
    while (true) {
      int fa, fb;
      if (pa != null) {
        fa = pa[ka++];
        if (ka == pa.length) pa = null;
      } else if (ia < a.length()) {
        int cp = a.codePointAt(ia);
        ia += Character.charCount(cp);
        int m = mapping(cp);
        if (m < 0) {
          pa = Folds.MULTI[-m - 1];
          fa = pa[0];
          ka = 1;
        } else {
          fa = m;
        }
      } else {
        fa = -1;
      }
      if (pb != null) {
        fb = pb[kb++];
        if (kb == pb.length) pb = null;
      } else if (ib < b.length()) {
        int cp = b.codePointAt(ib);
        ib += Character.charCount(cp);
        int m = mapping(cp);
        if (m < 0) {
          pb = Folds.MULTI[-m - 1];
          fb = pb[0];
          kb = 1;
        } else {
          fb = m;
        }
      } else {
        fb = -1;
      }
      if (fa != fb) return fa < fb ? -1 : 1;
      if (fa == -1) return 0;
    }
  }

  /** The single fold of cp (cp itself when unchanged), or -(index + 1) of a multi fold. */
  private static int mapping(int cp) {
    if (cp < 0x10000) {
      int m = Folds.BMP[cp];
      return m == 0 ? cp : m;
    }
    int k = Arrays.binarySearch(Folds.SUPP_KEYS, cp);
    return k >= 0 ? Folds.SUPP_VALUES[k] : cp;
  }

  /**
   * The folded form: two strings are equal under the collation exactly when their folds are equal,
   * and folds compare by code point in collation order. Handy as a key for case-insensitive maps.
   */
  public static String fold(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) break;
      i++;
    }
    if (i == n) return s;
    StringBuilder out = new StringBuilder(n + 8).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int m = mapping(cp);
      if (m < 0) {
        for (int f : Folds.MULTI[-m - 1]) out.appendCodePoint(f);
      } else {
        out.appendCodePoint(m);
      }
    }
    return out.toString();
  }

  /** Registers the collation as {@code unicase} on a sqlite-jdbc connection. */
  public static void register(Connection connection) throws SQLException {
    Collation.create(connection, "unicase", new Collation() {
      @Override
      protected int xCompare(String a, String b) {
        return compare(a, b);
      }
    });
  }
}
