package ankid.engine.card;

import ankid.engine.scheduler.DeckCounts;
import ankid.engine.scheduler.queue.GatheredCards;
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
import java.util.function.Predicate;

/** The {@code cards} table (rslib/src/storage/card/mod.rs): every query on it. */
public final class CardStore {
  private static final String SELECT = Sql.load("card/get.sql");
  private static final String BY_ID = SELECT + " where id = ?";
  private static final String MANY = SELECT + " where id in (select value from json_each(?))";
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

  /** The cards of these ids that exist, by id: one query for a batch instead of one per card. */
  public Map<Long, Card> getMany(List<Long> ids) {
    Map<Long, Card> out = new HashMap<>();
    for (Card c : db.query(MANY, CardStore::row, Sql.idArray(ids))) out.put(c.id(), c);
    return out;
  }

  /** All cards of a note, by ordinal. */
  public List<Card> ofNote(long noteId) {
    return db.query(OF_NOTE, CardStore::row, noteId);
  }

  /** Cards buried by the user or by sibling burying (queue −3 and −2). */
  public List<Card> buried() {
    return db.query(SELECT + " where queue in (-2, -3)", CardStore::row);
  }

  /** Card ids of a note in template order (rslib's {@code all_card_ids_of_note_in_template_order}). */
  public List<Long> idsOfNote(long noteId) {
    return db.queryLongs("select id from cards where nid = ? order by ord, id", noteId);
  }

  /** What card generation needs of a note's existing card (rslib's {@code AlreadyGeneratedCardInfo}). */
  public record AlreadyGenerated(long id, long noteId, int ord, long homeDeckId, int type, long due) {}

  private static final String ALREADY_GENERATED =
      "select id, nid, ord, (case when odid != 0 then odid else did end), type, due from cards";

  private static AlreadyGenerated alreadyGenerated(ResultSet rs) throws SQLException {
    return new AlreadyGenerated(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getInt(5), rs.getLong(6));
  }

  /**
   * The note's cards in the table's own order (rslib/src/storage/notetype/mod.rs,
   * {@code existing_cards_for_note}).
   */
  public List<AlreadyGenerated> alreadyGenerated(long noteId) {
    return db.query(ALREADY_GENERATED + " where nid = ? order by id", CardStore::alreadyGenerated, noteId);
  }

  /** {@link #alreadyGenerated(long)} for the notes of a notetype with ids from {@code firstNoteId} to {@code lastNoteId}. */
  public List<AlreadyGenerated> alreadyGenerated(long notetypeId, long firstNoteId, long lastNoteId) {
    return db.query(ALREADY_GENERATED + " where nid in (select id from notes where mid = ? and id between ? and ?)"
        + " order by id", CardStore::alreadyGenerated, notetypeId, firstNoteId, lastNoteId);
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

  // The study queue's gathering (rslib/src/storage/card/mod.rs, for_each_*_card_in_active_decks):
  // each visitor returns false to stop reading. activeDecks is a JSON array of deck ids.

  /** Intraday learning and preview cards of the decks due before {@code nextDayAt}. */
  public void forEachIntradayLearning(String activeDecks, long nextDayAt, Predicate<GatheredCards.Due> visit) {
    db.forEachUntil(Sql.load("card/queue_intraday.sql"), rs -> visit.test(new GatheredCards.Due(rs.getLong(1), rs.getLong(2),
        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getInt(7))), activeDecks, nextDayAt);
  }

  /** Review (queue 2) or interday learning (queue 3) cards of the decks due by {@code today}, in {@code orderBy}. */
  public void forEachDue(String activeDecks, int queue, long today, String orderBy, Predicate<GatheredCards.Due> visit) {
    db.forEachUntil(Sql.load("card/queue_due.sql") + " order by " + orderBy, rs -> visit.test(new GatheredCards.Due(
        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8))),
        activeDecks, queue, today);
  }

  /** New cards of the decks, in {@code orderBy}. */
  public void forEachNewInDecks(String activeDecks, String orderBy, Predicate<GatheredCards.New> visit) {
    db.forEachUntil(Sql.load("card/queue_new_in_decks.sql") + " order by " + orderBy, rs -> visit.test(newCard(rs)),
        activeDecks);
  }

  /** New cards of one deck, in {@code orderBy}. */
  public void forEachNewInDeck(long deckId, String orderBy, Predicate<GatheredCards.New> visit) {
    db.forEachUntil(Sql.load("card/queue_new_in_deck.sql") + " order by " + orderBy, rs -> visit.test(newCard(rs)), deckId);
  }

  private static GatheredCards.New newCard(ResultSet rs) throws SQLException {
    return new GatheredCards.New(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
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

  // Check Database (rslib/src/storage/card/mod.rs, fix_card_properties and neighbours).

  /** How many cards {@link #fixProperties} changed: new cards moved below 2,000,000, and others. */
  public record PropertyFixes(int newCardsFixed, int otherCardsFixed) {}

  /**
   * Puts dues, intervals, mtimes and ordinals back into the ranges Anki reads: a new card's position
   * below 2,000,000, a review card's due as a day number ({@code today} for a timestamp), no original
   * due outside a filtered deck (not on the v1 scheduler), integers within Anki's i32 everywhere.
   */
  public PropertyFixes fixProperties(long today, long mtime, int usn, boolean v1Scheduler) {
    int newCards = db.exec(Sql.load("card/fix_due_new.sql"), mtime, usn);
    int other = db.exec(Sql.load("card/fix_due_other.sql"), today, mtime, usn);
    other += db.exec(Sql.load("card/fix_odue.sql"), mtime, usn, v1Scheduler);
    other += db.exec(Sql.load("card/fix_ivl.sql"), mtime, usn);
    other += db.exec("update cards set mod = cast(mod as integer) where mod != cast(mod as integer)");
    other += db.exec(Sql.load("card/fix_ordinal.sql"), mtime, usn);
    return new PropertyFixes(newCards, other);
  }

  /** The {@code data} of every card that has left the new queue, by card id. */
  public Map<Long, CardData> dataOfCardsNotNew() {
    Map<Long, CardData> out = new java.util.LinkedHashMap<>();
    db.query("select id, data from cards where type != 0", rs -> out.put(rs.getLong(1), CardData.parse(rs.getString(2))));
    return out;
  }

  /** Writes a card's {@code data} column alone; mtime and usn stay. */
  public void setData(long cardId, CardData data) {
    db.exec("update cards set data = ? where id = ?", data.text(), cardId);
  }

  /** Deletes the cards whose note does not exist, without graves (a full sync follows). */
  public int deleteOrphaned() {
    return db.exec("delete from cards where nid not in (select id from notes)");
  }

  /** The decks cards are in that do not exist (rslib/src/storage/deck/missing-decks.sql). */
  public List<Long> missingDeckIds() {
    return db.queryLongs("select distinct did from cards where did not in (select id from decks)");
  }

  /** Id and current deck of every card that names an original deck. */
  public Map<Long, Long> filteredCardDecks() {
    Map<Long, Long> out = new java.util.LinkedHashMap<>();
    db.query("select id, did from cards where odid > 0", rs -> out.put(rs.getLong(1), rs.getLong(2)));
    return out;
  }

  /** The highest ordinal among a notetype's cards, or 0 (rslib's {@code highest_card_ordinal_for_notetype}). */
  public int highestOrdOfNotetype(long notetypeId) {
    return (int) db.queryLong("select coalesce(max(ord), 0) from cards where nid in (select id from notes where mid = ?)",
        0, notetypeId);
  }

  /** One past the highest position of a new card, or empty without new cards. */
  public java.util.OptionalLong nextNewPosition() {
    long max = db.queryLong("select max(due) + 1 from cards where type = 0", Long.MIN_VALUE);
    return max == Long.MIN_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(max);
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

  // Packages (rslib/src/storage/card/mod.rs as the importer and exporter use it); idTable is the
  // one-column table of the exchanged notes' ids.

  private static final String COLUMNS =
      "id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data";
  private static final String ADD_IF_UNIQUE =
      "insert or ignore into cards (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Copies the notes of cards in the decks (their own or, in filtered decks, their home) into {@code idTable}. */
  public void copyNoteIdsOfDecksInto(String idTable, List<Long> deckIds) {
    String in = Sql.idList(deckIds);
    db.exec("insert or ignore into " + idTable + " (id) select nid from cards where did in " + in + " or odid in " + in);
  }

  /** Streams every card of the notes in {@code idTable}, by id. */
  public void forEachOfNotesIn(String idTable, java.util.function.Consumer<Card> consumer) {
    db.forEach(SELECT + " where nid in (select id from " + idTable + ") order by id",
        rs -> consumer.accept(row(rs)));
  }

  /** The distinct (did, odid) pairs of the cards of the notes in {@code idTable}. */
  public List<long[]> deckPairsOfNotesIn(String idTable) {
    return db.query("select distinct did, odid from cards where nid in (select id from " + idTable + ")",
        rs -> new long[] {rs.getLong(1), rs.getLong(2)});
  }

  public long countOfNotesIn(String idTable) {
    return db.queryLong("select count() from cards where nid in (select id from " + idTable + ")", 0);
  }

  public long maxIdOfNotesIn(String idTable) {
    return db.queryLong("select max(id) from cards where nid in (select id from " + idTable + ")", 0);
  }

  /** Copies the cards of the notes of {@code idTable} as they are into the attached database {@code alias}. */
  public void copyOfNotesInto(String alias, String idTable) {
    db.exec("insert into " + alias + ".cards select * from main.cards where nid in (select id from " + idTable + ")");
  }

  /**
   * Cards the v1 → v2 scheduler upgrade looks at (rslib scheduler/upgrade.rs,
   * {@code upgrade_cards_to_v2}): review and relearning cards, and cards in filtered decks (in v1
   * those always have a home deck).
   */
  public List<Long> idsForV2Upgrade() {
    return db.queryLongs("select id from cards where type in (2, 3) or odid != 0");
  }

  /** Every card as {@link #noteOrdKey}: which (note, template) pairs already have a card. */
  public Set<Long> noteOrdKeys() {
    Set<Long> out = new java.util.HashSet<>();
    db.forEach("select nid, ord from cards", rs -> out.add(noteOrdKey(rs.getLong(1), rs.getInt(2))));
    return out;
  }

  /** A note id and template ord in one long (note ids are ms timestamps, far below 2^47). */
  public static long noteOrdKey(long nid, int ord) {
    return (nid << 16) | (ord & 0xffff);
  }

  /** Adds a card unless its id is taken (rslib's {@code add_card_if_unique}); false when it was. */
  public boolean addIfUnique(Card c) {
    return db.exec(ADD_IF_UNIQUE, values(c)) > 0;
  }

  /** Adds many cards as {@link #addIfUnique} does, in batches; call {@link Db.Batch#flush} at the end. */
  public Db.Batch adder() {
    return db.batch(ADD_IF_UNIQUE);
  }

  /** An adder into the attached database {@code alias}. */
  public Db.Batch adderInto(String alias) {
    return db.batch(ADD_IF_UNIQUE.replace("into cards", "into " + alias + ".cards"));
  }

  public static void add(Db.Batch adder, Card c) {
    adder.add(values(c));
  }

  private static Object[] values(Card c) {
    return new Object[] {c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(),
        c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data().text()};
  }

  // The legacy statistics report; deckIds null means the whole collection.

  /** One review or interday learning card, as {@link #forEachStatsCard} reads it. */
  @FunctionalInterface
  public interface StatsCard {
    void accept(int queue, long due, long ivl, long factor);
  }

  /** Review and interday learning cards (queue 2 and 3), in one pass. */
  public void forEachStatsCard(List<Long> deckIds, StatsCard card) {
    db.forEach(scoped("card/stats_review_cards.sql", deckIds),
        rs -> {
          long packed = rs.getLong(1);
          if (packed >= 0) {
            card.accept(2 + (int) (packed >>> 61), (packed >>> 36) & 0xff_ffff, (packed >>> 16) & 0xf_ffff, packed & 0xffff);
          } else {
            card.accept(rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
          }
        });
  }

  /** All cards, new, suspended or buried, intraday learning, and notes: [total, new, suspended, learning, notes]. */
  public long[] statsCardCounts(List<Long> deckIds) {
    return db.queryOne(scoped("card/stats_card_counts.sql", deckIds),
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).orElseThrow();
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
