package ankid.engine.card;

import ankid.engine.scheduler.DeckCounts;
import ankid.engine.stats.StatsReportData;
import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import ankid.engine.storage.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/** The {@code cards} table (rslib/src/storage/card/mod.rs): every query on it. */
public final class CardStore {
  private static final String SELECT = Sql.load("card/get.sql");
  private static final String BY_ID = SELECT + " where id = ?";
  private static final String OF_NOTE = SELECT + " where nid = ? order by ord";

  private final Db db;

  public CardStore(Db db) {
    this.db = db;
  }

  private static Card row(ResultSet rs) throws SQLException {
    return new Card(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getInt(6),
        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
        rs.getInt(14), rs.getInt(15), rs.getLong(16), rs.getInt(17), CardData.parse(rs.getString(18)));
  }

  public Optional<Card> get(long id) {
    return db.queryOne(BY_ID, CardStore::row, id);
  }

  /** All cards of a note, by ordinal. */
  public List<Card> ofNote(long noteId) {
    return db.query(OF_NOTE, CardStore::row, noteId);
  }

  /** Card ids of a note in template order (rslib's {@code all_card_ids_of_note_in_template_order}). */
  public List<Long> idsOfNote(long noteId) {
    return db.queryLongs("select id from cards where nid = ? order by ord, id", noteId);
  }

  /** What card generation needs of a note's existing card (rslib's {@code AlreadyGeneratedCardInfo}). */
  public record AlreadyGenerated(int ord, long homeDeckId, int type, long due) {}

  /** The note's cards, unordered (rslib/src/storage/notetype/mod.rs, {@code existing_cards_for_note}). */
  public List<AlreadyGenerated> alreadyGenerated(long noteId) {
    return db.query("select ord, (case when odid != 0 then odid else did end), type, due from cards where nid = ?",
        rs -> new AlreadyGenerated(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)), noteId);
  }

  /** Card ids of a note whose ordinal is {@code ord} or above. */
  public List<Long> idsOfNoteFromOrd(long noteId, int ord) {
    return db.queryLongs("select id from cards where nid = ? and ord >= ?", noteId, ord);
  }

  /** The decks the cards of a note are in (current deck, not home deck). */
  public List<Long> deckIdsOfNote(long noteId) {
    return db.queryLongs("select did from cards where nid = ?", noteId);
  }

  /** Cards of a notetype's notes made by template {@code ord}. */
  public List<Long> idsOfTemplate(long notetypeId, int ord) {
    return db.queryLongs("select id from cards where ord = ? and nid in (select id from notes where mid = ?)",
        ord, notetypeId);
  }

  /** Cards whose current or home deck is the deck. */
  public List<Long> idsInDeck(long deckId) {
    return db.queryLongs("select id from cards where did = ? or odid = ?", deckId, deckId);
  }

  /** The deck a card is in, or null for an unknown card. */
  public Long deckOf(long cardId) {
    long did = db.queryLong("select did from cards where id = ?", -1, cardId);
    return did < 0 ? null : did;
  }

  /** A card with its note's notetype and sort field, for summaries. */
  public record LineRow(long id, long noteId, long deckId, int ord, int queue, long notetypeId, String sortField) {}

  /** The given cards with their notes' sort fields, by id; unknown ids are skipped. */
  public List<LineRow> lines(List<Long> cardIds) {
    return db.query("select c.id, c.nid, c.did, c.ord, c.queue, n.mid, n.sfld from cards c join notes n on n.id = c.nid"
            + " where c.id in (select value from json_each(?)) order by c.id",
        rs -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getLong(6),
            rs.getString(7)),
        Sql.idArray(cardIds));
  }

  /** The distinct notes of the given cards, in the cards' order; unknown card ids contribute nothing. */
  public List<Long> noteIds(List<Long> cardIds) {
    Set<Long> out = new LinkedHashSet<>();
    for (long cid : cardIds) {
      long nid = db.queryLong("select nid from cards where id = ?", -1, cid);
      if (nid >= 0) out.add(nid);
    }
    return new ArrayList<>(out);
  }

  public long maxId() {
    return db.queryLong("select max(id) from cards", 0);
  }

  /**
   * Each deck's own counts for the deck list, by deck id; decks without cards are missing.
   *
   * @param learnCutoffSecs now plus the learn-ahead time
   * @param unburyOlder whether buried cards count as unburied (a new day has begun)
   */
  public Map<Long, DeckCounts.Raw> dueCounts(long today, long learnCutoffSecs, boolean unburyOlder) {
    Map<Long, DeckCounts.Raw> out = new HashMap<>();
    db.query(Sql.load("card/due_counts.sql"), rs -> {
      out.put(rs.getLong(1), new DeckCounts.Raw(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
      return null;
    }, today, learnCutoffSecs, unburyOlder ? 1 : 0);
    return out;
  }

  /** Inserts a new card at position {@code due}. */
  public void addNew(long id, long noteId, long deckId, int ord, long mtime, long due) {
    db.exec(Sql.load("card/add.sql"), id, noteId, deckId, ord, mtime, due);
  }

  /** Writes every column of an existing card as given (rslib's {@code update_card}). */
  public void update(Card c) {
    db.exec(Sql.load("card/update.sql"), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
        c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data().text(), c.id());
  }

  /** Writes the columns the scheduler changes, with {@code data} as Anki writes it, marked modified. */
  public void updateSchedule(Card c, long mtime) {
    db.exec(Sql.load("card/update_schedule.sql"), c.did(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.data().toJson(), mtime, c.id());
  }

  public void setQueue(long cardId, int queue, long mtime) {
    db.exec("update cards set queue = ?, mod = ?, usn = -1 where id = ?", queue, mtime, cardId);
  }

  /** Sets type and queue alone: mod and usn stay, so the change is not synced. */
  public void setTypeAndQueue(long cardId, int type, int queue) {
    db.exec("update cards set type = ?, queue = ? where id = ?", type, queue, cardId);
  }

  /**
   * Moves cards to a deck, returning any that were in a filtered deck to their home deck first
   * (as rslib/src/card/mod.rs, {@code set_deck} does). Unknown ids are ignored.
   */
  public void setDeck(List<Long> cardIds, long deckId, long mtime) {
    for (long cid : cardIds) {
      db.exec(Sql.load("card/leave_filtered_deck.sql"), cid);
      db.exec("update cards set did = ?, mod = ?, usn = -1 where id = ? and did != ?", deckId, mtime, cid, deckId);
    }
  }

  /**
   * Gives a notetype's cards their template's new ord ({@code moves}: old ord → new ord), marked
   * modified.
   */
  public void moveTemplateOrds(long notetypeId, Map<Integer, Integer> moves, long mtime) {
    if (moves.isEmpty()) return;
    // Both sides are ints we produced, so writing them into the statement cannot inject SQL.
    StringJoiner cases = new StringJoiner(" ", "case ord ", " end");
    StringJoiner in = new StringJoiner(", ", "(", ")");
    moves.forEach((from, to) -> {
      cases.add("when " + from + " then " + to);
      in.add(String.valueOf(from));
    });
    db.exec("update cards set ord = " + cases + ", mod = ?, usn = -1 where ord in " + in
        + " and nid in (select id from notes where mid = ?)", mtime, notetypeId);
  }

  /** Deletes a card; false when there was none. */
  public boolean delete(long cardId) {
    return db.exec("delete from cards where id = ?", cardId) > 0;
  }

  // Sync (rslib/src/storage/card/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from cards where " + Pending.CLAUSE, pending.sinceUsn());
  }

  /** Ids of cards changed locally since the last sync. */
  public List<Long> localIds() {
    return db.queryLongs("select id from cards where usn = -1");
  }

  public List<Long> allIds() {
    return db.queryLongs("select id from cards");
  }

  /** Writes a card exactly as a sync received it ({@code add_or_update_card}). */
  public void putSynced(Card c) {
    db.exec("insert or replace into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,"
            + " lapses, left, odue, odid, flags, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data().text());
  }

  public void setUsn(long id, int usn) {
    db.exec("update cards set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload every local change counts as synced ({@code clear_pending_card_usns}). */
  public void clearPendingUsns() {
    db.exec("update cards set usn = 0 where usn = -1");
  }

  public long count() {
    return db.queryLong("select count() from cards", 0);
  }

  public boolean isEmpty() {
    return db.queryOne("select 1 from cards limit 1", rs -> 1).isEmpty();
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
