package ankid.server.harness;

import java.util.Arrays;

/** Request latencies of a harness, in microseconds, and their percentiles. */
final class Latencies {
  private long[] micros = new long[1024];
  private int count;

  synchronized void add(long nanos) {
    if (count == micros.length) micros = Arrays.copyOf(micros, count * 2);
    micros[count++] = nanos / 1000;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code p}-th percentile (0–100) in milliseconds, nearest rank. */
  synchronized double percentileMillis(double p) {
    if (count == 0) return 0;
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
  }
}
