package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Days elapsed and the next day cutoff, as rslib/src/scheduler/timing.rs and its tests compute
 * them.
 */
class SchedTimingTodayTest {
  private static final int UTC = 0, MDT = 360, MST = 420;

  private static long at(String localDateTime, int minsWest) {
    return LocalDateTime.parse(localDateTime).toEpochSecond(ZoneOffset.ofTotalSeconds(-minsWest * 60));
  }

  private static long days(long crt, int createdWest, long now, int nowWest, int rollover) {
    return SchedTimingToday.compute(crt, createdWest, nowWest, rollover, now).daysElapsed();
  }

  @Test
  void daysElapsed() {
    long crt = at("2019-01-01T02:00:00", UTC);
    assertThat(days(crt, UTC, crt, UTC, 4)).isZero();
    assertThat(days(crt, UTC, crt - 86_400, UTC, 4)).isZero();
    assertThat(days(crt, UTC, crt + 24 * 3600, UTC, 4)).isZero();
    assertThat(days(crt, UTC, crt + 26 * 3600, UTC, 4)).isEqualTo(1);
    assertThat(days(crt, UTC, crt + 44 * 3600, UTC, 23)).isZero();
    assertThat(days(crt, UTC, crt + 45 * 3600, UTC, 23)).isEqualTo(1);
  }

  @Test
  void daylightSavingChange() {
    long crt = at("2018-08-06T00:00:00", MDT);
    assertThat(days(crt, MDT, at("2019-12-26T20:00:00", MST), MST, 4)).isEqualTo(507);
    assertThat(days(crt, MDT, at("2019-12-26T20:00:00", MDT), MDT, 4)).isEqualTo(507);
    long crt3 = at("2018-08-06T03:00:00", MDT);
    assertThat(days(crt3, MDT, at("2018-08-09T01:59:59", MST), MST, 4)).isEqualTo(2);
    assertThat(days(crt3, MDT, at("2018-08-09T03:59:59", MST), MST, 4)).isEqualTo(2);
    assertThat(days(crt3, MDT, at("2018-08-09T04:00:00", MST), MST, 4)).isEqualTo(3);
  }

  @Test
  void hourGrid() {
    int[] hours = {0, 1, 4, 12, 22, 23};
    for (int createdHour : hours) {
      for (int nowHour : hours) {
        for (int rollover : hours) {
          for (int offset = 0; offset <= 3; offset++) {
            long crt = at(String.format("2019-03-10T%02d:00:00", createdHour), UTC);
            long now = at(String.format("2019-03-%02dT%02d:00:00", 10 + offset, nowHour), UTC);
            long expected = nowHour >= rollover ? offset : Math.max(offset, 1) - 1;
            assertThat(days(crt, UTC, now, UTC, rollover))
                .as("created %s now %s rollover %s offset %s", createdHour, nowHour, rollover, offset)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void nextDayAt() {
    long crt = at("2019-01-01T02:00:00", UTC);
    assertThat(nextDayAt(crt, at("2019-01-03T02:00:00", UTC))).isEqualTo(at("2019-01-03T04:00:00", UTC));
    assertThat(nextDayAt(crt, at("2019-01-03T04:00:00", UTC))).isEqualTo(at("2019-01-04T04:00:00", UTC));
    assertThat(nextDayAt(crt, at("2019-01-03T07:00:00", UTC))).isEqualTo(at("2019-01-04T04:00:00", UTC));
  }

  private static long nextDayAt(long crt, long now) {
    return SchedTimingToday.compute(crt, UTC, UTC, 4, now).nextDayAt();
  }

  @Test
  void legacyTimings() {
    SchedTimingToday v1 = SchedTimingToday.compute(1575226800L, null, null, null, 1584491078L);
    assertThat(v1).isEqualTo(new SchedTimingToday(1584491078L, 107, 1584558000L));
    SchedTimingToday v2 = SchedTimingToday.compute(1533564000L, null, -600, 0, 1584491078L);
    assertThat(v2).isEqualTo(new SchedTimingToday(1584491078L, 589, 1584540000L));
    SchedTimingToday v2b = SchedTimingToday.compute(1524038400L, null, -600, 4, 1584491078L);
    assertThat(v2b).isEqualTo(new SchedTimingToday(1584491078L, 700, 1584554400L));
  }

  @Test
  void injectedClock() {
    long crt = at("2019-01-01T02:00:00", UTC);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(crt + 26 * 3600), ZoneOffset.UTC);
    SchedTimingToday t = SchedTimingToday.compute(crt, UTC, UTC, 4, clock);
    assertThat(t.daysElapsed()).isEqualTo(1);
    assertThat(t.secsUntilRollover()).isEqualTo(t.nextDayAt() - t.now());
    assertThat(SchedTimingToday.elapsedDaysSince(10 * 86_400, 86_400 + 5)).isEqualTo(8);
    assertThat(SchedTimingToday.elapsedDaysSince(0, 100)).isZero();
  }
}
