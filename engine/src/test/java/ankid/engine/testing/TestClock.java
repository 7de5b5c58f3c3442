package ankid.engine.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it (answer timers, learning steps, a new day), in UTC unless
 * the test needs local days (backup thinning).
 */
public final class TestClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public TestClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  public TestClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public void advanceMillis(long millis) {
    now = now.plusMillis(millis);
  }

  public void advanceSeconds(long secs) {
    now = now.plusSeconds(secs);
  }

  public void advance(java.time.Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
