package ankid.engine;

import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckLegacy;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.deckconfig.DeckConfigLegacy;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeLegacy;
import ankid.engine.storage.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Schema 18 → 11, as Anki does when closing a collection for older clients (rslib
 * storage/upgrades/mod.rs, {@code downgrade_to_schema_11}): the notetypes, decks, presets, config
 * and tags go back into the JSON columns of {@code col}, their tables are dropped, and graves
 * lose their primary key. Legacy packages carry collections in this form.
 */
final class SchemaDowngrade {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaDowngrade() {}

  static void run(Collection col) {
    ObjectNode models = JSON.createObjectNode();
    for (Notetype nt : col.notetypes().all()) models.set(Long.toString(nt.id()), NotetypeLegacy.toJson(nt));
    ObjectNode decks = JSON.createObjectNode();
    for (Deck d : col.decks().all()) decks.set(Long.toString(d.id()), DeckLegacy.toJson(d));
    ObjectNode dconf = JSON.createObjectNode();
    for (DeckConfig c : col.deckConfigs().all()) dconf.set(Long.toString(c.id()), DeckConfigLegacy.toJson(c));
    ObjectNode conf = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> e : col.config().all().entrySet()) conf.set(e.getKey(), e.getValue());
    ObjectNode tags = JSON.createObjectNode();
    col.tags().store().forEachWithUsn(tags::put);
    col.db().script(Sql.load("storage/downgrade18.sql"));
    col.colTable().finishDowngradeTo11(conf.toString(), models.toString(), decks.toString(), dconf.toString(),
        tags.toString());
  }
}
