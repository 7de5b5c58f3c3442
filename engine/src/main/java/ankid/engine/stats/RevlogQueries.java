package ankid.engine.stats;

import ankid.engine.Collection;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.storage.Db;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The review-log queries behind AnkiConnect's statistic actions (api doc §2.8). */
public final class RevlogQueries {
  private static final String COLUMNS = "id, cid, usn, ease, ivl, lastIvl, factor, time, type";

  /** One revlog row, in the column order of {@code cardReviews} / {@code insertReviews}. */
  public record Review(long id, long cid, int usn, int ease, long ivl, long lastIvl, long factor,
      long time, int type) {
    public List<Long> asTuple() {
      return List.of(id, cid, (long) usn, (long) ease, ivl, lastIvl, factor, time, (long) type);
    }
  }

  /** A calendar day (rollover-shifted, local time) and its number of revlog entries. */
  public record DayCount(LocalDate day, long count) {}

  private RevlogQueries() {}

  /** Revlog entries (not distinct cards) since the start of today's Anki day. */
  public static long reviewedToday(Collection col) {
    SchedTimingToday timing = col.timing();
    return col.db().queryLong("select count() from revlog where id > ?", 0, (timing.nextDayAt() - 86_400) * 1000);
  }

  /**
   * Entries per day, newest first. As AnkiConnect: each entry's second (integer division of its
   * id) moved back by the local hour of the next day cutoff, then taken as a local date.
   */
  public static List<DayCount> reviewedByDay(Collection col) {
    ZoneId zone = col.clock().getZone();
    long shift = ZonedDateTime.ofInstant(Instant.ofEpochSecond(col.timing().nextDayAt()), zone).getHour() * 3600L;
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    col.db().query("select id / 1000 from revlog", rs -> {
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(rs.getLong(1) - shift), zone);
      days.merge(day, 1L, Long::sum);
      return null;
    });
    List<DayCount> out = new ArrayList<>();
    days.descendingMap().forEach((d, n) -> out.add(new DayCount(d, n)));
    return out;
  }

  /** Entries after {@code startId} of the cards currently in the deck itself (no subdecks). */
  public static List<Review> reviewsInDeckAfter(Db db, long deckId, long startId) {
    return db.query("select " + COLUMNS + " from revlog where id > ? and cid in"
        + " (select id from cards where did = ?) order by id", RevlogQueries::map, startId, deckId);
  }

  /** Each card's entries, oldest first; cards without entries map to an empty list. */
  public static Map<Long, List<Review>> reviewsOfCards(Db db, List<Long> cardIds) {
    Map<Long, List<Review>> out = new LinkedHashMap<>();
    for (long cid : cardIds) {
      out.put(cid, db.query("select " + COLUMNS + " from revlog where cid = ? order by id", RevlogQueries::map, cid));
    }
    return out;
  }

  /** The newest entry id among the cards currently in the deck, or 0. */
  public static long latestReviewId(Db db, long deckId) {
    return db.queryLong("select max(id) from revlog where cid in (select id from cards where did = ?)", 0, deckId);
  }

  /**
   * Inserts rows as given. Ids are not bumped: an id that is taken, or repeated in the batch,
   * fails the whole insert with SQLite's constraint message, as AnkiConnect's single INSERT does.
   */
  public static void insert(Db db, List<Review> reviews) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Review r : reviews) {
      if (!ids.add(r.id()) || db.queryLong("select count() from revlog where id = ?", 0, r.id()) > 0) {
        throw new ankid.engine.AnkiException("UNIQUE constraint failed: revlog.id");
      }
    }
    for (Review r : reviews) {
      db.exec("insert into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          r.id(), r.cid(), r.usn(), r.ease(), r.ivl(), r.lastIvl(), r.factor(), r.time(), r.type());
    }
  }

  private static Review map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Review(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9));
  }
}
