package ankid.engine.card;

import ankid.engine.storage.Db;
import ankid.engine.storage.Graves;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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

  /** Copies the notes of cards in the decks (their own or, in filtered decks, their home) into {@code idTable}. */
  public void copyNoteIdsOfDecksInto(String idTable, List<Long> deckIds) {
    String in = idList(deckIds);
    db.exec("insert or ignore into " + idTable + " (id) select nid from cards where did in " + in + " or odid in " + in);
  }

  /** Streams every card of the notes in {@code idTable}, by id. */
  public void forEachOfNotesIn(String idTable, Consumer<Card> consumer) {
    db.forEach("select " + Card.COLUMNS + " from cards where nid in (select id from " + idTable + ") order by id",
        rs -> consumer.accept(Card.fromRow(rs)));
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

  /** Every card as {@code nid << 16 | ord}: which (note, template) pairs already have a card. */
  public Set<Long> noteOrdKeys() {
    Set<Long> out = new HashSet<>();
    db.forEach("select nid, ord from cards", rs -> out.add(noteOrdKey(rs.getLong(1), rs.getInt(2))));
    return out;
  }

  public static long noteOrdKey(long nid, int ord) {
    return (nid << 16) | (ord & 0xffff);
  }

  public Set<Long> allIds() {
    Set<Long> out = new HashSet<>();
    db.forEach("select id from cards", rs -> out.add(rs.getLong(1)));
    return out;
  }

  private static final String ADD_IF_UNIQUE =
      "insert or ignore into cards (" + Card.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Adds many cards as {@link #addIfUnique} does, in batches; call {@link Db.Batch#flush} at the end. */
  public Db.Batch adder() {
    return db.batch(ADD_IF_UNIQUE);
  }

  public static void add(Db.Batch adder, Card c) {
    adder.add(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
  }

  /** An adder into the attached database {@code alias}. */
  public Db.Batch adderInto(String alias) {
    return db.batch(ADD_IF_UNIQUE.replace("into cards", "into " + alias + ".cards"));
  }

  /** Copies the cards of the notes of {@code idTable} as they are into the attached database {@code alias}. */
  public void copyOfNotesInto(String alias, String idTable) {
    db.exec("insert into " + alias + ".cards select * from main.cards where nid in (select id from " + idTable + ")");
  }

  /** Writes a card row as it is, replacing any card of that id. */
  public void put(Card c) {
    db.exec("insert or replace into cards (" + Card.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
  }

  /** Adds a card unless its id is taken (rslib {@code add_card_if_unique}); false when it was. */
  public boolean addIfUnique(Card c) {
    return db.exec(ADD_IF_UNIQUE,
        c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data()) > 0;
  }

  private static String idList(List<Long> ids) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < ids.size(); i++) sb.append(i == 0 ? "" : ",").append(ids.get(i).longValue());
    return sb.append(")").toString();
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
}
