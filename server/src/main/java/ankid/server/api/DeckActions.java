package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckLegacy;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.deckconfig.DeckConfigLegacy;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deck and preset actions ({@code plugin/__init__.py, AnkiConnect.deckNames … removeDeckConfigId}). */
public final class DeckActions {
  private final Profiles profiles;

  public DeckActions(Profiles profiles) {
    this.profiles = profiles;
  }

  private Collection col() {
    return profiles.collection();
  }

  @Action(effect = READ_ONLY)
  public List<String> deckNames() {
    return col().read(c -> c.decks().all().stream().map(Deck::name).toList());
  }

  @Action(effect = READ_ONLY)
  public Map<String, Long> deckNamesAndIds() {
    return col().read(c -> {
      Map<String, Long> out = new LinkedHashMap<>();
      c.decks().all().forEach(d -> out.put(d.name(), d.id()));
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public Map<String, List<Long>> getDecks(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      Map<String, List<Long>> out = new LinkedHashMap<>();
      for (long cid : cards) {
        Long did = c.cards().deckOf(cid);
        String name = c.decks().getOrDefault(did == null ? 0 : did).name();
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(cid);
      }
      return out;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public long createDeck(@Param("deck") String deck) {
    return col().write(c -> c.decks().idForName(deck));
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object changeDeck(@Param("cards") List<Long> cards, @Param("deck") String deck) {
    return col().write(c -> {
      long did = c.decks().idForName(deck);
      c.cards().setDeck(cards, did);
      return null;
    });
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object deleteDecks(@Param("decks") List<String> decks, @Param(value = "cardsToo", dflt = "false") JsonNode cardsToo) {
    if (!PythonValues.truthy(cardsToo)) {
      throw new ApiError("Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well");
    }
    return col().write(c -> {
      List<Long> ids = new ArrayList<>();
      for (Deck d : c.decks().all()) if (decks.contains(d.name())) ids.add(d.id());
      c.decks().remove(ids);
      return null;
    });
  }

  @Action(effect = READ_ONLY)
  public Object getDeckConfig(@Param("deck") String deck) {
    return col().read(c -> {
      Optional<Deck> d = c.decks().all().stream().filter(x -> x.name().equals(deck)).findFirst();
      if (d.isEmpty()) return false;
      if (d.get().isFiltered()) return DeckLegacy.toJson(d.get());
      return DeckConfigLegacy.toJson(c.deckConfigs().forDeck(d.get()));
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public boolean saveDeckConfig(@Param("config") JsonNode config) {
    if (!config.has("id")) throw new ApiError("'id'");
    long id;
    try {
      id = Long.parseLong(config.get("id").asText());
    } catch (NumberFormatException e) {
      return false;
    }
    return col().write(c -> {
      Optional<DeckConfig> existing = c.deckConfigs().get(id);
      if (existing.isEmpty()) return false;
      DeckConfig dc = existing.get();
      String name = config.path("name").isTextual() ? config.get("name").asText() : dc.name();
      c.deckConfigs().put(new DeckConfig(id, name, c.nowSecs(), -1, DeckConfigLegacy.fromJson(config, dc.config())));
      return true;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public boolean setDeckConfigId(@Param("decks") List<String> decks, @Param("configId") JsonNode configId) {
    long id = PythonValues.intOf(configId);
    return col().write(c -> {
      List<Deck> all = c.decks().all();
      List<Deck> targets = new ArrayList<>();
      for (String name : decks) {
        Optional<Deck> d = all.stream().filter(x -> x.name().equals(name)).findFirst();
        if (d.isEmpty()) return false;
        targets.add(d.get());
      }
      for (Deck d : targets) c.decks().setConfigId(d, id);
      return true;
    });
  }

  @Action(effect = MODIFYING)
  public Object cloneDeckConfigId(@Param("name") String name, @Param(value = "cloneFrom", dflt = "\"1\"") JsonNode cloneFrom) {
    long from = PythonValues.intOf(cloneFrom);
    return col().write(c -> {
      Optional<DeckConfig> source = c.deckConfigs().get(from);
      if (source.isEmpty()) return false;
      return c.deckConfigs().add(name, source.get().config()).id();
    });
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public boolean removeDeckConfigId(@Param("configId") long configId) {
    return col().write(c -> {
      if (c.deckConfigs().get(configId).isEmpty()) return false;
      c.deckConfigs().remove(configId);
      return true;
    });
  }

  /** Unknown names create empty decks first, as AnkiConnect's lookup does. */
  @Action(effect = MODIFYING, idempotent = true)
  public Map<String, Object> getDeckStats(@Param("decks") List<String> decks) {
    return col().write(c -> {
      List<Long> ids = new ArrayList<>();
      for (String name : decks) ids.add(c.decks().idForName(name));
      var counts = c.decks().dueCounts();
      Map<String, Object> out = new LinkedHashMap<>();
      for (long id : ids) {
        var n = counts.get(id);
        if (n == null) continue;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("deck_id", n.deckId());
        row.put("name", DeckNames.humanLeaf(n.name()));
        row.put("new_count", n.newCount());
        row.put("learn_count", n.learnCount());
        row.put("review_count", n.reviewCount());
        row.put("total_in_deck", n.totalInDeck());
        out.put(Long.toString(id), row);
      }
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public String deckNameFromId(@Param("deckId") long deckId) {
    return col().read(c -> c.decks().getOrDefault(deckId).name());
  }
}
