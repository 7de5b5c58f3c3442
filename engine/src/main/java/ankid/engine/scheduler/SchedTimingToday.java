package ankid.engine.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * "Today" for the scheduler (rslib/src/scheduler/timing.rs, {@code sched_timing_today}): days
 * elapsed since collection creation and the next day cutoff, from {@code col.crt}, the
 * {@code creationOffset}/{@code localOffset} config (minutes west of UTC) and the {@code rollover}
 * hour.
 */
public record SchedTimingToday(long now, long daysElapsed, long nextDayAt) {

  /**
   * @param creationOffsetMinsWest null for legacy collections
   * @param currentOffsetMinsWest the server's current offset ({@code localOffset}); null = UTC
   * @param rolloverHour null for V1 collections (no {@code rollover} key)
   */
  public static SchedTimingToday compute(long crt, Integer creationOffsetMinsWest,
      Integer currentOffsetMinsWest, Integer rolloverHour, long nowSecs) {
    if (rolloverHour == null) return v1(crt, nowSecs);
    int rollover = Math.max(0, Math.min(rolloverHour, 23));
    ZoneOffset current = offset(currentOffsetMinsWest == null ? 0 : currentOffsetMinsWest);
    if (creationOffsetMinsWest == null) return v2Legacy(crt, rollover, nowSecs, current);
    return v2(crt, offset(creationOffsetMinsWest), nowSecs, current, rollover);
  }

  public static SchedTimingToday compute(long crt, Integer creationOffsetMinsWest,
      Integer currentOffsetMinsWest, Integer rolloverHour, Clock clock) {
    return compute(crt, creationOffsetMinsWest, currentOffsetMinsWest, rolloverHour,
        clock.instant().getEpochSecond());
  }

  public long secsUntilRollover() {
    return nextDayAt - now;
  }

  /** Whole days between two timestamps, 0 if b is after a. */
  public static long elapsedDaysSince(long a, long b) {
    return Math.max(a - b, 0) / 86_400;
  }

  private static ZoneOffset offset(int minsWest) {
    return ZoneOffset.ofTotalSeconds(-minsWest * 60);
  }

  private static SchedTimingToday v1(long crt, long now) {
    long days = Math.floorDiv(now - crt, 86_400);
    return new SchedTimingToday(now, Math.max(days, 0), crt + (days + 1) * 86_400);
  }

  private static SchedTimingToday v2Legacy(long crt, int rollover, long now, ZoneOffset current) {
    long crtAtRollover = atHour(crt, current, rollover);
    long days = Math.floorDiv(now - crtAtRollover, 86_400);
    long nextDayAt = atHour(now, current, rollover);
    if (nextDayAt < now) nextDayAt += 86_400;
    return new SchedTimingToday(now, Math.max(days, 0), nextDayAt);
  }

  private static SchedTimingToday v2(long crt, ZoneOffset created, long now, ZoneOffset current,
      int rollover) {
    LocalDateTime nowLocal = LocalDateTime.ofEpochSecond(now, 0, current);
    LocalDateTime rolloverToday = nowLocal.toLocalDate().atTime(rollover, 0);
    boolean passed = !rolloverToday.isAfter(nowLocal);
    long nextDayAt = (passed ? rolloverToday.plusDays(1) : rolloverToday).toEpochSecond(current);
    long createdDay = LocalDateTime.ofEpochSecond(crt, 0, created).toLocalDate().toEpochDay();
    long days = nowLocal.toLocalDate().toEpochDay() - createdDay - (passed ? 0 : 1);
    return new SchedTimingToday(now, Math.max(days, 0), nextDayAt);
  }

  private static long atHour(long secs, ZoneOffset zone, int hour) {
    ZonedDateTime t = Instant.ofEpochSecond(secs).atZone(zone);
    return t.toLocalDate().atTime(hour, 0).toEpochSecond(zone);
  }
}
