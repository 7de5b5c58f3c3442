package ankid.engine.card;

import ankid.engine.stats.StatsReportData;
import ankid.engine.storage.Db;
import ankid.engine.storage.Graves;
import ankid.engine.storage.Sql;
import java.util.List;

/** Bulk card operations on the {@code cards} table that decks and notes need. */
public final class CardStore {
  private final Db db;
  private final Graves graves;

  public CardStore(Db db, Graves graves) {
    this.db = db;
    this.graves = graves;
  }

  public List<Long> idsInDeck(long deckId) {
    return db.queryLongs("select id from cards where did = ? or odid = ?", deckId, deckId);
  }

  /** The deck a card is in, or null for an unknown card. */
  public Long deckOf(long cardId) {
    long did = db.queryLong("select did from cards where id = ?", -1, cardId);
    return did < 0 ? null : did;
  }

  /** Deletes cards, leaving graves so a sync propagates the deletion; unknown ids are ignored. */
  public void delete(List<Long> cardIds) {
    for (long cid : cardIds) {
      if (db.exec("delete from cards where id = ?", cid) > 0) graves.add(cid, Graves.CARD);
    }
  }

  /**
   * Moves cards to a deck, returning any that were in a filtered deck to their home deck first
   * (as Anki's set_deck does). Unknown ids are ignored.
   */
  public void setDeck(List<Long> cardIds, long deckId, long mtime) {
    for (long cid : cardIds) {
      // Returning from a filtered deck: restore due and queue (format doc §5.7).
      db.exec(
          "update cards set due = (case when odue != 0 then odue else due end),"
              + " queue = (case when queue in (-1, -2, -3) then queue when type = 0 then 0"
              + " when type = 2 then 2 when type in (1, 3) then (case when (case when odue != 0 then odue else due end)"
              + " > 1000000000 then 1 else 3 end) else queue end),"
              + " odue = 0, odid = 0 where id = ? and odid != 0",
          cid);
      db.exec("update cards set did = ?, mod = ?, usn = -1 where id = ? and did != ?", deckId, mtime, cid, deckId);
    }
  }

  // The legacy statistics report; deckIds null means the whole collection.

  public List<StatsReportData.Forecast> statsForecast(List<Long> deckIds, long today, int days) {
    return db.query(scoped("card/stats_forecast.sql", deckIds),
        rs -> new StatsReportData.Forecast(rs.getInt(1), rs.getLong(2), rs.getLong(3)), today, days);
  }

  /** Review and interday learning cards due on {@code day}. */
  public long statsDueOn(List<Long> deckIds, long day) {
    return db.queryLong("select count() from cards where queue in (2, 3) and due = ? and " + scope(deckIds), 0, day);
  }

  /** Review cards by interval, up to {@code maxIvl} days. */
  public List<StatsReportData.Bucket> statsIntervals(List<Long> deckIds, int maxIvl) {
    return db.query("select ivl, count() from cards where queue = 2 and ivl <= ? and " + scope(deckIds)
        + " group by ivl order by ivl", rs -> new StatsReportData.Bucket(rs.getInt(1), rs.getLong(2)), maxIvl);
  }

  public StatsReportData.IntervalSummary statsIntervalSummary(List<Long> deckIds) {
    return db.queryOne("select count(), coalesce(avg(ivl), 0), coalesce(max(ivl), 0) from cards where queue = 2 and "
        + scope(deckIds), rs -> new StatsReportData.IntervalSummary(rs.getLong(1), rs.getDouble(2), rs.getLong(3)))
        .orElseThrow();
  }

  /** Review cards by ease, in buckets of 10 percent. */
  public List<StatsReportData.Bucket> statsEases(List<Long> deckIds) {
    return db.query("select factor / 100 * 10, count() from cards where queue = 2 and " + scope(deckIds)
        + " group by 1 order by 1", rs -> new StatsReportData.Bucket(rs.getInt(1), rs.getLong(2)));
  }

  public StatsReportData.EaseSummary statsEaseSummary(List<Long> deckIds) {
    return db.queryOne("select coalesce(min(factor), 0) / 10.0, coalesce(avg(factor), 0) / 10.0,"
        + " coalesce(max(factor), 0) / 10.0 from cards where queue = 2 and " + scope(deckIds),
        rs -> new StatsReportData.EaseSummary(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3))).orElseThrow();
  }

  public StatsReportData.CardCounts statsCardCounts(List<Long> deckIds) {
    return db.queryOne(scoped("card/stats_card_counts.sql", deckIds),
        rs -> new StatsReportData.CardCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6))).orElseThrow();
  }

  /** Cards added per day ({@code key} ≤ 0, 0 = today) since {@code sinceMs}. */
  public List<StatsReportData.Bucket> statsAdded(List<Long> deckIds, long cutoffSecs, long sinceMs) {
    return db.query(scoped("card/stats_added.sql", deckIds),
        rs -> new StatsReportData.Bucket(rs.getInt(1), rs.getLong(2)), cutoffSecs, sinceMs);
  }

  private static String scoped(String file, List<Long> deckIds) {
    return Sql.load(file).replace("{scope}", scope(deckIds));
  }

  private static String scope(List<Long> deckIds) {
    return deckIds == null ? "1" : "did in " + Sql.idList(deckIds);
  }
}
