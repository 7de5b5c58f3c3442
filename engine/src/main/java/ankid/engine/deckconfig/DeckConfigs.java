package ankid.engine.deckconfig;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.proto.DeckConfigProto;
import java.util.List;
import java.util.Optional;

/** Deck options presets (rslib/src/deckconfig/): lookups, adding and removing a preset. */
public final class DeckConfigs {
  private final Collection col;
  private final DeckConfigStore store;

  public DeckConfigs(Collection col) {
    this.col = col;
    this.store = new DeckConfigStore(col.db());
  }

  /** The {@code deck_config} table itself, for the other domains' operations. */
  public DeckConfigStore store() {
    return store;
  }

  public List<DeckConfig> all() {
    return store.all();
  }

  public Optional<DeckConfig> get(long id) {
    return store.get(id);
  }

  /** The preset a normal deck uses; a dangling id silently means preset 1, as in Anki. */
  public DeckConfig forDeck(Deck deck) {
    return get(deck.configId()).or(() -> get(DeckConfig.DEFAULT_ID)).orElseThrow();
  }

  /** Saves a preset as given. */
  public void put(DeckConfig c) {
    store.put(c);
  }

  /** Adds a preset with a fresh id. */
  public DeckConfig add(String name, DeckConfigProto.DeckConfig.Config config) {
    DeckConfig c = new DeckConfig(col.newId(store.maxId()), name, col.nowSecs(), -1, config);
    store.put(c);
    return c;
  }

  /** The normal decks that use a preset. */
  public List<Deck> decksUsing(long id) {
    return col.decks().all().stream().filter(d -> !d.isFiltered() && d.configId() == id).toList();
  }

  /**
   * Removes a preset; decks using it fall back to preset 1. Like Anki this is a schema change, and
   * the default preset cannot be removed.
   */
  public void remove(long id) {
    if (id == DeckConfig.DEFAULT_ID) throw new AnkiException.InvalidInput("can't delete default conf");
    for (Deck d : decksUsing(id)) col.decks().setConfigId(d, DeckConfig.DEFAULT_ID);
    store.delete(id);
    col.markSchemaModified();
  }
}
