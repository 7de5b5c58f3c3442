package ankid.engine.card;

import ankid.engine.storage.Db;
import ankid.engine.storage.Graves;
import java.util.List;

/** Bulk card operations on the {@code cards} table that decks and notes need. */
public final class CardStore {
  private final Db db;

  public CardStore(Db db) {
    this.db = db;
  }

  public List<Long> idsInDeck(long deckId) {
    return db.queryLongs("select id from cards where did = ? or odid = ?", deckId, deckId);
  }

  /** The deck a card is in, or null for an unknown card. */
  public Long deckOf(long cardId) {
    long did = db.queryLong("select did from cards where id = ?", -1, cardId);
    return did < 0 ? null : did;
  }

  /**
   * Deletes cards, with graves, then the notes left without cards (Anki never keeps a note without
   * cards around when it deletes cards through decks).
   */
  public void deleteWithOrphanedNotes(List<Long> cardIds, Graves graves) {
    java.util.Set<Long> nids = new java.util.LinkedHashSet<>();
    for (long cid : cardIds) {
      long nid = db.queryLong("select nid from cards where id = ?", -1, cid);
      if (nid < 0) continue;
      nids.add(nid);
      db.exec("delete from cards where id = ?", cid);
      graves.add(cid, Graves.CARD);
    }
    for (long nid : nids) {
      if (db.queryLong("select count() from cards where nid = ?", 0, nid) == 0) {
        db.exec("delete from notes where id = ?", nid);
        graves.add(nid, Graves.NOTE);
      }
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
