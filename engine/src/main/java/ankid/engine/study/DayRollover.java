package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.scheduler.BuryRules;

/**
 * The first use of a new day restores yesterday's buried cards (rslib
 * {@code scheduler/bury_and_suspend.rs}, {@code unbury_if_day_rolled_over}) before queues are
 * built. The cards are not marked modified, as in Anki; {@code lastUnburied} records the day.
 */
public final class DayRollover {
  private DayRollover() {}

  /** Call inside a write; does nothing (and writes nothing) when today was already handled. */
  public static void unburyIfNeeded(Collection col) {
    long today = col.timing().daysElapsed();
    if (!BuryRules.needsAutomaticUnbury(col.config().getLong("lastUnburied", 0), today)) return;
    col.cardRecords().unburyOnDayRollover();
    col.config().set("lastUnburied", today);
  }
}
