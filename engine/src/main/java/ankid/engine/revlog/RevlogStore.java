package ankid.engine.revlog;

import ankid.engine.AnkiException;
import ankid.engine.stats.StatsReportData;
import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import ankid.engine.storage.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code revlog} table (rslib/src/storage/revlog/mod.rs). */
public final class RevlogStore {
  private static final String COLUMNS = "id, cid, usn, ease, ivl, lastIvl, factor, time, type";

  private final Db db;

  public RevlogStore(Db db) {
    this.db = db;
  }

  /**
   * Inserts an entry; its id (the answer time in ms) moves to {@code max(id)+1} when taken, as
   * rslib/src/storage/revlog/mod.rs, {@code add_revlog_entry} does. Returns the id used.
   */
  public long add(RevlogEntry e) {
    long id = e.id();
    if (db.queryLong("select count() from revlog where id = ?", 0, id) > 0) {
      id = db.queryLong("select max(id) from revlog", id) + 1;
    }
    insert(new RevlogEntry(id, e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type()));
    return id;
  }

  /**
   * Inserts entries as given. Ids are not bumped: an id that is taken, or repeated in the batch,
   * fails the whole insert with SQLite's constraint message, as the single INSERT of AnkiConnect's
   * {@code insertReviews} (plugin/__init__.py) does.
   */
  public void addAsGiven(List<RevlogEntry> entries) {
    Set<Long> ids = new HashSet<>();
    for (RevlogEntry e : entries) {
      if (!ids.add(e.id()) || db.queryLong("select count() from revlog where id = ?", 0, e.id()) > 0) {
        throw new AnkiException("UNIQUE constraint failed: revlog.id");
      }
    }
    entries.forEach(this::insert);
  }

  private void insert(RevlogEntry e) {
    db.exec("insert into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }

  /** Deletes one row (undo of an answer; Anki leaves no grave for it either). */
  public void remove(long id) {
    db.exec("delete from revlog where id = ?", id);
  }

  /** A card's entries, oldest first. */
  public List<RevlogEntry> ofCard(long cardId) {
    return db.query("select " + COLUMNS + " from revlog where cid = ? order by id", RevlogStore::row, cardId);
  }

  /** Entries after {@code startId} of the cards currently in the deck itself (no subdecks). */
  public List<RevlogEntry> inDeckAfter(long deckId, long startId) {
    return db.query("select " + COLUMNS + " from revlog where id > ? and cid in"
        + " (select id from cards where did = ?) order by id", RevlogStore::row, startId, deckId);
  }

  /** The newest entry id among the cards currently in the deck, or 0. */
  public long latestIdInDeck(long deckId) {
    return db.queryLong("select max(id) from revlog where cid in (select id from cards where did = ?)", 0, deckId);
  }

  /** Entries (not distinct cards) newer than {@code idAfter} (ms). */
  public long countAfter(long idAfter) {
    return db.queryLong("select count() from revlog where id > ?", 0, idAfter);
  }

  /** The smallest and largest entry id, or null when the log is empty. */
  public long[] idSpan() {
    // two subqueries: each reads one end of the id b-tree, where min and max in one select (or
    // with a where clause) scan every entry
    return db.queryOne("select (select min(id) from revlog), (select max(id) from revlog)",
        rs -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)}).orElse(null);
  }

  /** The second (id / 1000) of every entry. */
  public List<Long> allSeconds() {
    return db.queryLongs("select id / 1000 from revlog");
  }

  /**
   * The number of entries with {@code bounds[i] <= id < bounds[i + 1]}, for each i. Each range is
   * counted by walking the id index from its start, so the log is read once in all and nothing is
   * sorted: grouping by an expression of the id would sort every entry, and reading the ids into
   * Java would cross from SQLite into the JVM once per entry.
   */
  public long[] countsBetween(long[] bounds) {
    long[] counts = new long[Math.max(0, bounds.length - 1)];
    if (counts.length == 0) return counts;
    StringBuilder ranges = new StringBuilder("[");
    for (int i = 0; i < counts.length; i++) {
      if (i > 0) ranges.append(',');
      ranges.append('[').append(bounds[i]).append(',').append(bounds[i + 1]).append(']');
    }
    db.query("select key, (select count() from revlog where id >= value ->> 0 and id < value ->> 1)"
        + " from json_each(?)", rs -> {
          counts[rs.getInt(1)] = rs.getLong(2);
          return null;
        }, ranges.append(']').toString());
    return counts;
  }

  /** Puts entries' intervals and times back into range; returns how many changed (Check Database). */
  public int fixProperties() {
    return db.exec(Sql.load("revlog/fix_props.sql"));
  }

  /** Handles the entries of one card, oldest first. */
  @FunctionalInterface
  public interface CardEntries {
    void accept(long cardId, List<RevlogEntry> entries);
  }

  /** Every entry grouped by card, in card order, one card at a time (a collection may hold millions). */
  public void forEachCard(CardEntries consumer) {
    long[] current = {Long.MIN_VALUE};
    List<RevlogEntry> group = new java.util.ArrayList<>();
    db.query("select " + COLUMNS + " from revlog order by cid, id", rs -> {
      RevlogEntry e = row(rs);
      if (e.cid() != current[0] && !group.isEmpty()) {
        consumer.accept(current[0], List.copyOf(group));
        group.clear();
      }
      current[0] = e.cid();
      group.add(e);
      return null;
    });
    if (!group.isEmpty()) consumer.accept(current[0], List.copyOf(group));
  }

  // The legacy statistics report; deckIds null means the whole collection.

  public StatsReportData.Today statsToday(List<Long> deckIds, long startOfTodayMs) {
    return db.queryOne(scoped("revlog/stats_today.sql", deckIds),
        rs -> new StatsReportData.Today(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)),
        startOfTodayMs).orElseThrow();
  }

  /** One answered entry of the report's period, as {@link #forEachStatsEntry} reads it. */
  @FunctionalInterface
  public interface StatsEntry {
    /**
     * @param ease 1 to 4, or 5 for any higher ease
     * @param type 0 learn, 1 review, 2 relearn, 3 filtered, 4 any other
     * @param mature whether the last interval was 21 days or more
     */
    void accept(long id, long timeMs, int ease, int type, boolean mature);
  }

  /** Entries with an answer (ease above 0) after {@code sinceMs}, in one pass. */
  public void forEachStatsEntry(List<Long> deckIds, long sinceMs, StatsEntry entry) {
    db.forEach(scoped("revlog/stats_period.sql", deckIds), rs -> {
      long packed = rs.getLong(1);
      if (packed >= 0) {
        int kind = (int) (packed & 127);
        entry.accept((packed >>> 30) + sinceMs, (packed >>> 7) & 0x7f_ffff, kind & 7, (kind >> 3) & 7, kind >= 64);
      } else {
        int kind = (int) (-1 - packed);
        entry.accept(rs.getLong(2), rs.getLong(3), kind & 7, (kind >> 3) & 7, kind >= 64);
      }
    }, sinceMs);
  }

  private static String scoped(String file, List<Long> deckIds) {
    return Sql.load(file).replace("{scope}",
        deckIds == null ? "1" : "cid in (select id from cards where did in " + Sql.idList(deckIds) + ")");
  }

  // Sync (rslib/src/storage/revlog/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from revlog where " + Pending.CLAUSE, pending.sinceUsn());
  }

  /** Ids of reviews logged locally since the last sync. */
  public List<Long> localIds() {
    return db.queryLongs("select id from revlog where usn = -1");
  }

  public Optional<RevlogEntry> get(long id) {
    return db.queryOne("select " + COLUMNS + " from revlog where id = ?", RevlogStore::row, id);
  }

  /** Adds a review a sync brought in; one already there is kept ({@code add_revlog_entry} without uniquify). */
  public void addSynced(RevlogEntry e) {
    db.exec("insert or ignore into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }

  public void setUsn(long id, int usn) {
    db.exec("update revlog set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload every local review counts as synced ({@code clear_pending_revlog_usns}). */
  public void clearPendingUsns() {
    db.exec("update revlog set usn = 0 where usn = -1");
  }

  public long count() {
    return db.queryLong("select count() from revlog", 0);
  }

  private static RevlogEntry row(ResultSet rs) throws SQLException {
    return new RevlogEntry(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5),
        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9));
  }

  /** The v1 → v2 scheduler upgrade of answers (rslib storage/revlog/v2_upgrade.sql). */
  public void upgradeToV2() {
    db.exec("update revlog set ease = ease + 1 where ease in (2, 3) and type in (0, 2)");
  }

  // Packages: noteIdTable is the one-column table of the exchanged notes' ids.

  /** Streams the entries of the cards of the notes in {@code noteIdTable}, by id. */
  public void forEachOfNotesIn(String noteIdTable, java.util.function.Consumer<RevlogEntry> consumer) {
    db.forEach("select " + COLUMNS + " from revlog where cid in (select id from cards where nid in (select id from "
        + noteIdTable + ")) order by id", rs -> consumer.accept(row(rs)));
  }

  public long maxIdOfNotesIn(String noteIdTable) {
    return db.queryLong("select max(id) from revlog where cid in (select id from cards where nid in (select id from "
        + noteIdTable + "))", 0);
  }

  /** Copies the entries of the cards of the notes of {@code noteIdTable} into the attached database {@code alias}. */
  public void copyOfNotesInto(String alias, String noteIdTable) {
    db.exec("insert into " + alias + ".revlog select * from main.revlog where cid in (select id from cards where nid in"
        + " (select id from " + noteIdTable + "))");
  }

  /**
   * Adds many entries unless their id is taken (rslib's {@code add_revlog_entry_if_unique}), in
   * batches; call {@link Db.Batch#flush} at the end.
   */
  public Db.Batch adder() {
    return db.batch("insert or ignore into revlog (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  public static void add(Db.Batch adder, RevlogEntry e) {
    adder.add(e.id(), e.cid(), e.usn(), e.ease(), e.ivl(), e.lastIvl(), e.factor(), e.time(), e.type());
  }
}
