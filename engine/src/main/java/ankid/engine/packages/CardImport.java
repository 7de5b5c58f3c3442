package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.card.CardStore;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.revlog.RevlogStore;
import ankid.engine.storage.Db;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * rslib import/cards.rs: the cards of every incoming note that was added, updated or found as a
 * duplicate come along unless the note here already has a card of that template (its scheduling
 * is kept). A card keeps its id (moved on by 999 while taken) and is mapped to its note's and
 * deck's ids here; day-number dues move by how far the source collection's day is ahead. Then the
 * review history of the added cards.
 */
final class CardImport {
  private final Collection col;
  private final NoteImport notes;
  private final Map<Long, Map<Integer, Integer>> remappedTemplates;
  private final Map<Long, Long> importedDecks;
  private final long collectionDelta;
  private final Set<Long> existingCards;
  private final Set<Long> existingCardIds;
  /** Incoming card id → card id here. */
  private final Map<Long, Long> importedCards = new HashMap<>();

  CardImport(Collection col, NoteImport notes, NotetypeImport notetypes, DeckImport decks, long sourceDaysElapsed) {
    this.col = col;
    this.notes = notes;
    this.remappedTemplates = notetypes.remappedTemplates;
    this.importedDecks = decks.importedDecks;
    this.collectionDelta = sourceDaysElapsed - col.timing().daysElapsed();
    this.existingCards = col.cards().store().noteOrdKeys();
    this.existingCardIds = new java.util.HashSet<>(col.cards().store().allIds());
  }

  void importCards(ExchangeData data) {
    try (Db.Batch adder = col.cards().store().adder()) {
      Prefetch.<Card>forEach(data::forEachCard, card -> {
        Long nid = notes.idMap.get(card.nid());
        if (nid == null || existingCards.contains(CardStore.noteOrdKey(nid, card.ord()))) return;
        add(adder, card, nid);
      });
      adder.flush();
    }
  }

  void importRevlog(ExchangeData data) {
    try (Db.Batch adder = col.revlog().adder()) {
      Prefetch.<RevlogEntry>forEach(data::forEachRevlog, entry -> {
        Long cid = importedCards.get(entry.cid());
        if (cid == null) return;
        RevlogStore.add(adder, new RevlogEntry(entry.id(), cid, -1, entry.ease(), entry.ivl(), entry.lastIvl(),
            entry.factor(), entry.time(), entry.type()));
      });
      adder.flush();
    }
  }

  private void add(Db.Batch adder, Card card, long nid) {
    long did = importedDecks.getOrDefault(card.did(), card.did());
    long odid = importedDecks.getOrDefault(card.odid(), card.odid());
    long id = card.id();
    while (existingCardIds.contains(id)) id += 999;
    Card mapped = new Card(id, nid, did, templateIndex(nid, card.ord()), card.mod(), -1, card.type(), card.queue(),
        card.due(), card.ivl(), card.factor(), card.reps(), card.lapses(), card.left(), card.odue(), odid,
        card.flags(), card.data());
    CardStore.add(adder, ExchangeCards.shiftedDates(mapped, collectionDelta));
    existingCardIds.add(id);
    importedCards.put(card.id(), id);
  }

  /**
   * rslib {@code remap_template_index}. Like Anki, it looks the notetype up by the card's note id
   * here, so only notes that kept their incoming id follow a merged notetype's template order.
   */
  private int templateIndex(long nid, int ord) {
    Long ntid = notes.incomingNotetypes.get(nid);
    Map<Integer, Integer> map = ntid == null ? null : remappedTemplates.get(ntid);
    return map == null ? ord : map.getOrDefault(ord, ord);
  }
}
