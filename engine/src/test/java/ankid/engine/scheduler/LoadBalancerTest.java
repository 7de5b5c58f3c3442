package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The load balancer (rslib/src/scheduler/states/load_balancer.rs). No reference vectors exist;
 * these pin its weighting rules.
 */
class LoadBalancerTest {
  private static final long TODAY = 100;
  // 2026-11-30 04:00 UTC, a Monday: day d falls on weekday (d - 1) mod 7
  private static final long NEXT_DAY_AT = 1_795_838_400L + 2 * 86_400L;
  private static final List<Float> NORMAL_WEEK = List.of(1f, 1f, 1f, 1f, 1f, 1f, 1f);

  private static LoadBalancer balancer(Map<Long, Integer> counts, Set<Long> siblings, List<Float> week) {
    return new LoadBalancer(TODAY, NEXT_DAY_AT, counts, siblings, true, week, ZoneOffset.UTC);
  }

  private static Map<Long, Integer> busy(long from, long to, int count) {
    Map<Long, Integer> m = new HashMap<>();
    for (long d = from; d <= to; d++) m.put(TODAY + d, count);
    return m;
  }

  @Test
  void weightedIndexFollowsCumulativeWeights() {
    assertThat(LoadBalancer.weightedIndex(new float[] {1, 0, 0}, AnkiRng.seedFromU64(1000))).isZero();
    assertThat(LoadBalancer.weightedIndex(new float[] {0, 0, 1}, AnkiRng.seedFromU64(2))).isEqualTo(2);
    // the first draws are 0.0811881 and 0.9981904 for seeds 2 and 1000
    assertThat(LoadBalancer.weightedIndex(new float[] {1, 1}, AnkiRng.seedFromU64(2))).isZero();
    assertThat(LoadBalancer.weightedIndex(new float[] {1, 1}, AnkiRng.seedFromU64(1000))).isEqualTo(1);
  }

  @Test
  void prefersAnEmptyDayWithinTheFuzzRange() {
    Map<Long, Integer> counts = busy(8, 12, 50);
    counts.remove(TODAY + 11);
    for (long seed = 0; seed < 20; seed++) {
      assertThat(balancer(counts, Set.of(), NORMAL_WEEK).interval(10f, 1, 36500, seed)).isEqualTo(11);
    }
  }

  @Test
  void staysWithinBoundsAndSkipsLongIntervals() {
    LoadBalancer lb = balancer(busy(1, 120, 10), Set.of(), NORMAL_WEEK);
    for (long seed = 0; seed < 50; seed++) assertThat(lb.interval(10f, 1, 36500, seed)).isBetween(8L, 12L);
    assertThat(lb.interval(91f, 1, 36500, 1)).isNull();
    assertThat(lb.interval(10f, 91, 36500, 1)).isNull();
  }

  @Test
  void avoidsSiblingsAndEasyDays() {
    LoadBalancer siblingOn11 = balancer(busy(8, 12, 5), Set.of(8L, 9L, 10L, 11L), NORMAL_WEEK);
    for (long seed = 0; seed < 20; seed++) assertThat(siblingOn11.interval(10f, 1, 36500, seed)).isEqualTo(12);
    // every weekday but the one of day 9 is an easy day (0 %)
    List<Float> week = new java.util.ArrayList<>(List.of(0f, 0f, 0f, 0f, 0f, 0f, 0f));
    week.set((int) ((9 - 1) % 7), 1f);
    LoadBalancer easyDays = balancer(Map.of(), Set.of(), week);
    for (long seed = 0; seed < 20; seed++) assertThat(easyDays.interval(10f, 1, 36500, seed)).isEqualTo(9);
  }

  @Test
  void usedByTheSchedulerOnlyWhenGiven() {
    Map<Long, Integer> counts = busy(1, 10, 50);
    counts.remove(TODAY + 3);
    SchedTimingToday timing = new SchedTimingToday(NEXT_DAY_AT - 3600, TODAY, NEXT_DAY_AT);
    Card learning = new Card(42, 42, 1, 0, 0, 0, 1, 1, 0, 0, 0, 2, 0, 1, 0, 0, 0, CardData.EMPTY);
    DeckPreset p = Presets.steps(List.of(1f), List.of(10f));
    SchedulingInputs balanced = new SchedulingInputs(p, DeckKind.NORMAL, timing, FsrsOptions.OFF, true,
        balancer(counts, Set.of(), NORMAL_WEEK));
    // graduating Easy (4 days) can land on 3..5; day 3 is the only empty one
    assertThat(((CardState.ReviewState) Scheduler.nextStates(learning, balanced).easy()).scheduledDays()).isEqualTo(3);
  }
}
