package ankid.engine.scheduler;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anki's review load balancer (rslib/src/scheduler/states/load_balancer.rs): instead of a uniform
 * fuzz draw, picks a day in the fuzz range weighted towards days with fewer due cards of the same
 * preset. Anki only uses it while its study queues are built and {@code loadBalancerEnabled} is on;
 * a server answering through AnkiConnect normally schedules without it.
 *
 * @param dueCounts cards of the answered card's preset by due day (absolute day number)
 * @param siblingDays due days (relative to today, 0..98) of this note's other cards
 * @param burySiblings the preset buries review siblings (sibling spacing only applies then)
 * @param easyDaysPercentages preset percentages, Monday first (7 values)
 * @param zone local offset used for weekdays
 */
public record LoadBalancer(long today, long nextDayAt, Map<Long, Integer> dueCounts,
    Set<Long> siblingDays, boolean burySiblings, List<Float> easyDaysPercentages, ZoneOffset zone) {
  static final int MAX_INTERVAL = 90;
  private static final float EASY_DAY_MINIMUM = 0.0001f;

  /** A day count, or null when the balancer does not apply (long intervals) and fuzz is used. */
  public Long interval(float interval, long minimum, long maximum, long seed) {
    if (interval > MAX_INTERVAL || minimum > MAX_INTERVAL) return null;
    long[] bounds = Fuzz.constrainedBounds(interval, minimum, maximum);
    int n = (int) (bounds[1] - bounds[0] + 1);
    int[] counts = new int[n];
    float[] percents = new float[n];
    for (int i = 0; i < n; i++) {
      long days = bounds[0] + i;
      counts[i] = dueCounts.getOrDefault(today + days, 0);
      percents[i] = easyDaysPercentages.size() == 7 ? easyDaysPercentages.get(weekday(days)) : 1f;
    }
    float[] weights = new float[n];
    for (int i = 0; i < n; i++) {
      long days = bounds[0] + i;
      float weight = counts[i] == 0 ? 1f
          : (float) Math.pow(1f / counts[i], 2.15f) * (float) Math.pow(1f / days, 3f) * siblingModifier(days);
      weights[i] = weight * easyDayModifier(i, counts, percents);
    }
    return bounds[0] + weightedIndex(weights, AnkiRng.seedFromU64(seed));
  }

  private int weekday(long days) {
    long secs = nextDayAt + (days - 1) * 86_400;
    return Instant.ofEpochSecond(secs).atOffset(zone).getDayOfWeek().getValue() - 1;
  }

  private float siblingModifier(long days) {
    if (!burySiblings) return 1f;
    float product = 1f;
    for (long s : siblingDays) {
      long distance = Math.abs(days - s);
      product *= distance == 0 ? 0.000001f : distance >= 5 ? 1f : distance * 0.2f;
    }
    return product;
  }

  /** Reduced days are avoided once they would carry more than their share of the load. */
  private static float easyDayModifier(int i, int[] counts, float[] percents) {
    float p = percents[i];
    if (p == 1f) return 1f;
    if (p == 0f) return EASY_DAY_MINIMUM;
    int total = 0;
    float totalPercent = 0f;
    for (int j = 0; j < counts.length; j++) {
      total += counts[j];
      totalPercent += percents[j];
    }
    float normalized = counts[i] / p;
    float threshold = (total - counts[i]) / (totalPercent - p);
    return normalized > threshold ? EASY_DAY_MINIMUM : 1f;
  }

  /** The {@code rand} crate's {@code WeightedIndex} sampling. */
  static int weightedIndex(float[] weights, AnkiRng rng) {
    float total = 0f;
    float[] cumulative = new float[weights.length - 1];
    for (int i = 0; i < weights.length; i++) {
      total += weights[i];
      if (i < weights.length - 1) cumulative[i] = total;
    }
    float scale = total;
    while (scale * (1f - 0x1.0p-23f) > total) scale = Math.nextDown(scale);
    float u = rng.nextF32() * scale;
    int index = 0;
    for (float c : cumulative) if (c <= u) index++;
    return index;
  }
}
