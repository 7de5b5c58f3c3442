package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.storage.Db;
import java.util.List;

/**
 * The notes an export or import takes, held in a temporary table of the collection's connection
 * (rslib's search tables {@code search_nids}): the whole collection, or every note with a card in
 * the given decks. Cards, decks, notetypes and reviews follow from these notes.
 */
final class ExchangeScope implements AutoCloseable {
  static final String NOTES = "temp.ankid_exchange_notes";

  private final Db db;

  private ExchangeScope(Db db) {
    this.db = db;
    db.exec("create temp table if not exists ankid_exchange_notes (id integer primary key)");
    db.exec("delete from " + NOTES);
  }

  static ExchangeScope wholeCollection(Collection col) {
    ExchangeScope scope = new ExchangeScope(col.db());
    col.notes().store().copyAllIdsInto(NOTES);
    return scope;
  }

  /** Notes with a card in one of the decks (their own deck, or their home deck when filtered). */
  static ExchangeScope decks(Collection col, List<Long> deckIds) {
    ExchangeScope scope = new ExchangeScope(col.db());
    col.cards().store().copyNoteIdsOfDecksInto(NOTES, deckIds);
    return scope;
  }

  @Override
  public void close() {
    db.exec("drop table if exists " + NOTES);
  }
}
