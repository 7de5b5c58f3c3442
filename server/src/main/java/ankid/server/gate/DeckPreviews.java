package ankid.server.gate;

import static ankid.server.gate.Facts.count;
import static ankid.server.gate.Facts.names;
import static ankid.server.gate.Facts.quote;

import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.server.api.PythonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Previews of the deck and preset actions. */
final class DeckPreviews {
  private DeckPreviews() {}

  static void register(Previews p) {
    p.inCollection("createDeck", f -> f.inserted("decks") == 0
        ? "create deck " + quote(f.arg("deck")) + " (it exists already: nothing changes)"
        : "create deck " + quote(f.arg("deck")) + (f.inserted("decks") > 1 ? " and its missing parents" : ""));
    p.inCollection("deleteDecks", f -> {
      List<String> named = f.arg("decks");
      List<String> existing = named.stream().filter(n -> f.col().decks().byName(n).isPresent()).toList();
      if (!PythonValues.truthy(f.arg("cardsToo")) || existing.isEmpty()) {
        return "delete decks " + names(named) + " (none of them exists: nothing changes)";
      }
      int subdecks = Math.max(0, f.deleted("decks") - existing.size());
      String decks = "delete " + (existing.size() == 1 ? "deck " : "decks ") + names(existing)
          + (subdecks > 0 ? " with " + count(subdecks, "subdeck") : "");
      if (f.deleted("cards") == 0) return decks + " (no cards in them)";
      return decks + " and " + count(f.deleted("cards"), "card") + " in them"
          + (f.deleted("notes") > 0 ? ", deleting the " + count(f.deleted("notes"), "note") + " left without cards" : "");
    });
    p.inCollection("saveDeckConfig", f -> {
      JsonNode config = f.arg("config");
      long id = Facts.id(config.get("id"));
      return "change options preset " + presetName(f, id) + " (used by "
          + count(f.col().deckConfigs().decksUsing(id).size(), "deck") + ")";
    });
    p.inCollection("setDeckConfigId", f -> "use options preset " + presetName(f, Facts.id(f.arg("configId")))
        + " for " + (f.<List<String>>arg("decks").size() == 1 ? "deck " : "decks ") + names(f.arg("decks")));
    p.inCollection("cloneDeckConfigId", f -> "add options preset " + quote(f.arg("name")) + ", copied from "
        + presetName(f, Facts.id(f.arg("cloneFrom"))));
    p.inCollection("removeDeckConfigId", f -> {
      long id = f.arg("configId");
      List<Deck> using = f.col().deckConfigs().decksUsing(id);
      return "delete options preset " + presetName(f, id)
          + (using.isEmpty() ? "" : "; " + count(using.size(), "deck") + " using it go back to the default preset");
    });
    p.inCollection("getDeckStats", f -> createdDecks(f, "read the statistics of " + deckWord(f.arg("decks"))
        + names(f.arg("decks"))));
    p.inCollection("cardReviews", f -> createdDecks(f, "read the reviews of deck " + quote(f.arg("deck"))));
    p.inCollection("getLatestReviewID", f -> createdDecks(f, "read the latest review of deck " + quote(f.arg("deck"))));
  }

  /** AnkiConnect's deck lookups create the decks they do not find: say so when it happens. */
  private static String createdDecks(Facts f, String intent) {
    return f.inserted("decks") == 0 ? intent + " (changes nothing)"
        : intent + ", creating " + count(f.inserted("decks"), "missing deck");
  }

  private static String deckWord(List<String> decks) {
    return decks.size() == 1 ? "deck " : "decks ";
  }

  private static String presetName(Facts f, long id) {
    return f.col().deckConfigs().get(id).map(DeckConfig::name).map(Facts::quote).orElse("with id " + id);
  }
}
