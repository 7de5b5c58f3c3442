package ankid.engine.card;

import ankid.engine.storage.Db;
import ankid.engine.storage.Graves;
import ankid.engine.storage.Pending;
import java.util.List;
import java.util.Optional;

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

  public Optional<Card> get(long id) {
    return db.queryOne("select " + Card.COLUMNS + " from cards where id = ?", Card::fromRow, id);
  }

  // Sync (rslib storage/card/mod.rs and storage/sync.rs)

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

  /** Writes a card exactly as a sync received it (rslib add_or_update_card). */
  public void putSynced(Card c) {
    db.exec("insert or replace into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps,"
            + " lapses, left, odue, odid, flags, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(),
        c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
  }

  /** Removes a card a sync deleted; the caller records the grave (rslib remove_card). */
  public void remove(long id) {
    db.exec("delete from cards where id = ?", id);
  }

  public void setUsn(long id, int usn) {
    db.exec("update cards set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload every local change counts as synced (rslib clear_pending_card_usns). */
  public void clearPendingUsns() {
    db.exec("update cards set usn = 0 where usn = -1");
  }

  public long count() {
    return db.queryLong("select count() from cards", 0);
  }

  public boolean isEmpty() {
    return db.queryOne("select 1 from cards limit 1", rs -> 1).isEmpty();
  }
}
