package ankid.engine.search;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which characters a case-insensitive search regex takes for one another, as LIKE sees them. The
 * regex folds case by Unicode's simple case folding (as Rust's and RE2's do), so {@code k} matches
 * the Kelvin sign and {@code ß} matches {@code ẞ}; LIKE folds ASCII letters only. The folding
 * orbits are computed as Java's upper- then lower-casing, which gives the same orbits except for
 * the dotted and dotless i, taken apart below. Computed from the running JDK's Unicode tables,
 * so it stays right when they change.
 */
final class CaseClasses {
  private CaseClasses() {}

  /** Characters that fold to each folded form other than themselves. */
  private static final class Folds {
    static final Map<Integer, int[]> TO = build();

    private static Map<Integer, int[]> build() {
      Map<Integer, IntStream.Builder> members = new HashMap<>();
      // letters with case are all in the first two planes; the rest are ideographs and private use
      for (int cp = 0; cp < 0x20000; cp++) {
        int key = key(cp);
        if (key != cp) members.computeIfAbsent(key, k -> IntStream.builder()).add(cp);
      }
      Map<Integer, int[]> out = new HashMap<>();
      members.forEach((k, b) -> out.put(k, b.build().toArray()));
      return out;
    }
  }

  private static int key(int cp) {
    return Character.toLowerCase(Character.toUpperCase(cp));
  }

  /** The characters the regex matches for {@code cp} that LIKE does not. */
  static IntStream beyondLike(int cp) {
    // simple case folding ties i only to I, never to İ or ı (Java's casing would tie all four)
    if (RustRegex.EXACT_CASE.indexOf(cp) >= 0) return IntStream.empty();
    int key = key(cp);
    int[] others = Folds.TO.getOrDefault(key, new int[0]);
    return IntStream.concat(IntStream.of(key), IntStream.of(others)).distinct().filter(h -> !likeEqual(h, cp));
  }

  /** Whether LIKE takes the one character for the other: the same, or ASCII letters in either case. */
  static boolean likeEqual(int a, int b) {
    return a == b || a < 0x80 && b < 0x80 && Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  /** True if the regex and LIKE match exactly the same characters for {@code cp}. */
  static boolean likeMatchesAsRegex(int cp) {
    return beyondLike(cp).findAny().isEmpty();
  }
}
