package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.storage.Pending;
import com.fasterxml.jackson.databind.JsonNode;
import ankid.engine.deck.DeckLegacy;
import ankid.engine.deckconfig.DeckConfigLegacy;
import ankid.engine.notetype.NotetypeLegacy;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything one side sends in a normal sync, read in one go when the sync starts: the pending
 * graves, notetypes, decks, presets and tags, the config when this side is the newer, and the
 * pending reviews, cards and notes (rslib sync/collection: {@code pending_graves},
 * {@code local_unchunked_changes}, {@code get_chunkable_ids}). Keeping the rows, not just their
 * ids, lets API requests write meanwhile: what was sent is what is marked as synced, and only if
 * it is still unchanged when the sync commits.
 */
public record LocalChanges(
    Deletions graves,
    List<Notetype> notetypes,
    List<Deck> decks,
    List<DeckConfig> deckConfigs,
    List<String> tags,
    List<String> localTags,
    Map<String, JsonNode> config,
    Long crt,
    List<RevlogEntry> revlog,
    List<Card> cards,
    List<Note> notes,
    StartIds startIds) {

  /** Reads the changes {@code pending} selects; {@code withConfig} when this side's config wins. */
  public static LocalChanges gather(Collection col, Pending pending, boolean withConfig) {
    var graves = col.graves();
    Deletions g = new Deletions(
        graves.pending(ankid.engine.storage.GraveStore.CARD, pending),
        graves.pending(ankid.engine.storage.GraveStore.DECK, pending),
        graves.pending(ankid.engine.storage.GraveStore.NOTE, pending));
    var ntStore = col.notetypes().store();
    var deckStore = col.decks().store();
    return new LocalChanges(
        g,
        rows(ntStore.pendingIds(pending), ntStore::get),
        rows(deckStore.pendingIds(pending), deckStore::get),
        rows(col.deckConfigs().store().pendingIds(pending), col.deckConfigs()::get),
        col.tags().store().pending(pending),
        col.tags().store().pending(Pending.local()),
        withConfig ? col.config().all() : null,
        withConfig ? col.colTable().crt() : null,
        rows(col.revlog().pendingIds(pending), id -> col.revlog().get(id)),
        rows(col.cards().store().pendingIds(pending), col.cards().store()::get),
        rows(col.notes().store().pendingIds(pending), col.notes().store()::get),
        StartIds.read(col));
  }

  private static <T> List<T> rows(List<Long> ids, Function<Long, Optional<T>> get) {
    List<T> out = new ArrayList<>(ids.size());
    for (long id : ids) get.apply(id).ifPresent(out::add);
    return out;
  }

  /**
   * The notetypes, decks, presets, tags and config to send. Decks the other side just deleted are
   * left out (rslib applies the graves first); rows changed locally go out with the sync's usn.
   */
  public UnchunkedChanges changesToSend(Set<Long> decksDeletedRemotely, int usn) {
    List<JsonNode> nts = new ArrayList<>();
    for (Notetype nt : notetypes) {
      ObjectNode o = NotetypeLegacy.toJson(nt);
      o.put("usn", sentUsn(nt.usn(), usn));
      leaveOutUnsetIds(o);
      nts.add(o);
    }
    List<JsonNode> ds = new ArrayList<>();
    for (Deck d : decks) {
      if (decksDeletedRemotely.contains(d.id())) continue;
      ObjectNode o = DeckLegacy.toJson(d);
      o.put("usn", sentUsn(d.usn(), usn));
      ds.add(o);
    }
    List<JsonNode> dcs = new ArrayList<>();
    for (DeckConfig c : deckConfigs) {
      ObjectNode o = DeckConfigLegacy.toJson(c);
      o.put("usn", sentUsn(c.usn(), usn));
      dcs.add(o);
    }
    ObjectNode conf = null;
    if (config != null) {
      conf = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : config.entrySet()) {
        if (e.getValue() != null) conf.set(e.getKey(), e.getValue());
      }
    }
    return new UnchunkedChanges(nts, ds, dcs, tags, conf, crt);
  }

  /**
   * The reviews, cards and notes to send, {@link Chunk#SIZE} at a time, taken as rslib
   * {@code get_chunk} takes them (one of each kind per round, from the end); {@code skipCard} and
   * {@code skipNote} drop rows the other side deleted or has a newer version of.
   */
  public List<Chunk> chunksToSend(Predicate<Card> skipCard, Predicate<Note> skipNote, int usn) {
    List<RevlogEntry> r = new ArrayList<>(revlog);
    List<Card> c = new ArrayList<>(cards.stream().filter(skipCard.negate()).toList());
    List<Note> n = new ArrayList<>(notes.stream().filter(skipNote.negate()).toList());
    List<Chunk> out = new ArrayList<>();
    while (true) {
      int limit = Chunk.SIZE;
      List<RevlogEntry> cr = new ArrayList<>();
      List<Card> cc = new ArrayList<>();
      List<Note> cn = new ArrayList<>();
      while (limit > 0) {
        int before = limit;
        if (!r.isEmpty()) {
          RevlogEntry e = r.remove(r.size() - 1);
          cr.add(e.withUsn(sentUsn(e.usn(), usn)));
          limit--;
        }
        if (!n.isEmpty()) {
          Note e = n.remove(n.size() - 1);
          cn.add(new Note(e.id(), e.guid(), e.notetypeId(), e.mtimeSecs(), sentUsn(e.usn(), usn), e.tags(), e.fields()));
          limit--;
        }
        if (!c.isEmpty()) {
          cc.add(withUsn(c.remove(c.size() - 1), usn));
          limit--;
        }
        if (limit == before) break;
      }
      boolean done = limit > 0;
      out.add(new Chunk(done, cr, cc, cn));
      if (done) return out;
    }
  }

  /**
   * Field and template ids, field tags and preventDeletion (Anki 23.10) have serde defaults, so a
   * current client reads them the same when absent; clients before 23.10 would otherwise keep the
   * nulls among the notetype's unknown keys. Set values are sent.
   */
  private static void leaveOutUnsetIds(ObjectNode notetype) {
    for (JsonNode f : notetype.path("flds")) {
      ObjectNode field = (ObjectNode) f;
      if (field.path("id").isNull()) field.remove("id");
      if (field.path("tag").isNull()) field.remove("tag");
      if (field.path("preventDeletion").isBoolean() && !field.get("preventDeletion").asBoolean()) {
        field.remove("preventDeletion");
      }
    }
    for (JsonNode t : notetype.path("tmpls")) {
      if (t.path("id").isNull()) ((ObjectNode) t).remove("id");
    }
  }

  private static Card withUsn(Card c, int usn) {
    return new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), sentUsn(c.usn(), usn), c.type(), c.queue(), c.due(),
        c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
  }

  /** A client sends everything at the server's usn; a server its own usns, and the sync's for rows API requests changed. */
  private static int sentUsn(int rowUsn, int usn) {
    return rowUsn == -1 ? usn : rowUsn;
  }
}
