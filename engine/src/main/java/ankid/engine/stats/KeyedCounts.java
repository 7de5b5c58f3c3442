package ankid.engine.stats;

import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Sums per integer key in key order, as a {@code group by … order by} over a few keys would give:
 * each key holds {@code width} sums. Rows of one key tend to come together (days, hours in id
 * order), so the last key's sums are kept at hand.
 */
final class KeyedCounts {
  private final int width;
  private final TreeMap<Integer, long[]> sums = new TreeMap<>();
  private int lastKey;
  private long[] last;

  KeyedCounts(int width) {
    this.width = width;
  }

  /** The sums of {@code key}, created at zero. */
  long[] at(int key) {
    if (last != null && key == lastKey) return last;
    last = sums.computeIfAbsent(key, k -> new long[width]);
    lastKey = key;
    return last;
  }

  void forEach(BiConsumer<Integer, long[]> action) {
    sums.forEach(action);
  }
}
