package ankid.engine.card;

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
