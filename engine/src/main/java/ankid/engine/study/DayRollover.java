package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.CardRow;
import java.util.ArrayList;
import java.util.List;

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
    List<CardRow> buried = new ArrayList<>();
    for (long id : col.db().queryLongs("select id from cards where queue in (-2, -3)")) {
      col.cardRecords().get(id).map(Card::toRow).ifPresent(buried::add);
    }
    for (CardRow row : BuryRules.unbury(buried, false, false)) {
      col.db().exec("update cards set queue = ? where id = ?", row.queue(), row.id());
    }
    col.config().set("lastUnburied", today);
  }
}
