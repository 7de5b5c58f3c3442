package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckLegacy;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.deckconfig.DeckConfigLegacy;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeLegacy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the other side's notetypes, decks, presets, tags and config with Anki's rules (rslib
 * sync/collection/changes.rs {@code apply_changes}): an incoming object wins unless the local one
 * is strictly newer, names are made unique with a "+", and a notetype whose fields or templates
 * changed in number without a full sync is refused.
 */
final class ChangesMerge {
  private final Collection col;
  private final int usn;
  private final Set<Long> decksDeletedMeanwhile;

  ChangesMerge(Collection col, int usn, Set<Long> decksDeletedMeanwhile) {
    this.col = col;
    this.usn = usn;
    this.decksDeletedMeanwhile = decksDeletedMeanwhile;
  }

  void apply(UnchunkedChanges changes) {
    for (JsonNode nt : changes.notetypes()) mergeNotetype(NotetypeLegacy.fromJson(nt));
    for (JsonNode d : changes.decks()) mergeDeck(DeckLegacy.fromJson(d));
    for (JsonNode c : changes.deckConfigs()) mergeDeckConfig(DeckConfigLegacy.fromJson(c));
    for (String tag : changes.tags()) col.tags().registerSynced(tag, usn);
    if (changes.crt() != null) col.colTable().setCrt(changes.crt());
    if (changes.config() != null) {
      Map<String, JsonNode> config = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = changes.config().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        config.put(e.getKey(), e.getValue());
      }
      col.config().replaceAll(config, usn, col.nowSecs());
    }
  }

  private void mergeNotetype(Notetype incoming) {
    Optional<Notetype> existing = col.notetypes().get(incoming.id());
    if (existing.isPresent()) {
      if (existing.get().mtimeSecs() > incoming.mtimeSecs()) return;
      if (existing.get().fields().size() != incoming.fields().size()
          || existing.get().templates().size() != incoming.templates().size()) {
        throw new SyncException(SyncException.Kind.RESYNC_REQUIRED, "notetype schema changed");
      }
    }
    col.notetypes().store().put(uniqueName(incoming));
  }

  /** rslib notetype/mod.rs ensure_notetype_name_unique. */
  private Notetype uniqueName(Notetype nt) {
    while (true) {
      Optional<Long> other = col.notetypes().store().idByName(nt.name());
      if (other.isEmpty() || other.get() == nt.id()) return nt;
      nt = new Notetype(nt.id(), nt.name() + "+", col.nowSecs(), usn, nt.config(), nt.fields(), nt.templates());
    }
  }

  private void mergeDeck(Deck incoming) {
    if (decksDeletedMeanwhile.contains(incoming.id())) return;
    Optional<Deck> existing = col.decks().get(incoming.id());
    if (existing.isPresent() && existing.get().mtimeSecs() > incoming.mtimeSecs()) return;
    col.decks().store().put(uniqueName(incoming));
  }

  /** rslib decks/name.rs ensure_deck_name_unique: the suffix goes on the last component. */
  private Deck uniqueName(Deck deck) {
    while (true) {
      Optional<Long> other = col.decks().store().idByNativeName(DeckNames.toNative(deck.name()));
      if (other.isEmpty() || other.get() == deck.id()) return deck;
      deck = new Deck(deck.id(), deck.name() + "+", col.nowSecs(), usn, deck.common(), deck.kind());
    }
  }

  private void mergeDeckConfig(DeckConfig incoming) {
    Optional<DeckConfig> existing = col.deckConfigs().get(incoming.id());
    if (existing.isPresent() && existing.get().mtimeSecs() > incoming.mtimeSecs()) return;
    col.deckConfigs().put(incoming);
  }
}
