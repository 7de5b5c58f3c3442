package ankid.engine;

import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckLegacy;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.deckconfig.DeckConfigLegacy;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeLegacy;
import ankid.engine.notetype.NotetypeStore;
import ankid.engine.notetype.StockNotetypes;
import ankid.engine.storage.Db;
import ankid.engine.storage.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings a freshly opened file to schema 18 as rslib/src/storage/sqlite.rs, {@code open_or_create}
 * does: creates a new collection in an empty file, upgrades schema 11 (storage/upgrades/mod.rs),
 * and refuses the versions Anki refuses.
 */
final class SchemaSetup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Collection col;

  SchemaSetup(Collection col) {
    this.col = col;
  }

  void prepare() {
    if (!col.colTable().exists()) {
      create();
      return;
    }
    long ver = col.colTable().ver();
    if (ver == 18) return;
    if (ver < 11) throw new AnkiException.BadCollection("collection file is too old (schema " + ver + ")", null);
    if (ver != 11) {
      throw new AnkiException.BadCollection(
          "collection file has schema " + ver + ", which only a newer Anki can open; open and close it in Anki first",
          null);
    }
    upgradeFrom11();
  }

  /** A brand-new collection exactly as Anki creates one. */
  private void create() {
    Db db = col.db();
    // As Anki does: lay down schema 11, then run the same upgrade an old file gets.
    db.script(Sql.load("storage/schema11.sql"));
    db.script(Sql.load("storage/upgrade11.sql"));
    long now = col.nowMillis();
    ZonedDateTime local = Instant.ofEpochMilli(now).atZone(col.clock().getZone());
    ZonedDateTime crt = ZonedDateTime.of(local.toLocalDate(), LocalTime.of(4, 0), local.getZone());
    if (local.toLocalTime().isBefore(LocalTime.of(4, 0))) crt = crt.minusDays(1);
    ZoneOffset offset = crt.getOffset();
    col.colTable().create(crt.toEpochSecond(), now);

    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("activeDecks", new long[] {1});
    conf.put("curDeck", 1);
    conf.put("newSpread", 0);
    conf.put("collapseTime", 1200);
    conf.put("timeLim", 0);
    conf.put("estTimes", true);
    conf.put("dueCounts", true);
    conf.put("curModel", null);
    conf.put("nextPos", 1);
    conf.put("sortType", "noteFld");
    conf.put("sortBackwards", false);
    conf.put("addToCur", true);
    conf.put("dayLearnFirst", false);
    conf.put("schedVer", 2);
    conf.put("creationOffset", -offset.getTotalSeconds() / 60);
    conf.put("sched2021", true);
    conf.forEach((k, v) -> col.config().put(k, v, 0, 0));

    col.deckConfigs().put(new DeckConfig(DeckConfig.DEFAULT_ID, "Default", 0, 0, DeckConfig.defaults()));
    Deck def = Deck.newNormal(Deck.DEFAULT_ID, "Default", 0);
    col.decks().update(new Deck(def.id(), def.name(), 0, 0, def.common(), def.kind()));
    // The stock notetypes as their definitions stand, each under a new id.
    NotetypeStore notetypes = col.notetypes().store();
    Long basicId = null;
    for (Notetype nt : StockNotetypes.all()) {
      long id = col.newId(notetypes.maxId());
      notetypes.put(new Notetype(id, nt.name(), nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), nt.templates()));
      if (basicId == null) basicId = id;
    }
    col.config().set("curModel", basicId);
  }

  private void upgradeFrom11() {
    Db db = col.db();
    String[] legacy = col.colTable().legacyJson();
    JsonNode[] json = new JsonNode[legacy.length];
    for (int i = 0; i < legacy.length; i++) json[i] = parse(legacy[i]);
    db.script(Sql.load("storage/upgrade11.sql"));

    for (Iterator<Map.Entry<String, JsonNode>> it = json[0].fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      col.config().put(e.getKey(), e.getValue(), 0, 0);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json[3].fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode o = e.getValue();
      // The map key wins over an inner id, as in Anki's upgrade.
      long id = Long.parseLong(e.getKey());
      col.deckConfigs().put(new DeckConfig(id, o.path("name").asText("Default"), o.path("mod").asLong(0),
          o.path("usn").asInt(0), DeckConfigLegacy.fromJson(o, DeckConfig.defaults())));
    }
    if (col.deckConfigs().get(DeckConfig.DEFAULT_ID).isEmpty()) {
      col.deckConfigs().put(new DeckConfig(DeckConfig.DEFAULT_ID, "Default", 0, 0, DeckConfig.defaults()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = json[4].fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      col.tags().store().register(e.getKey(), e.getValue().asInt(0), false);
    }
    for (JsonNode m : json[1]) {
      Notetype nt = NotetypeLegacy.fromJson(m);
      String name = uniqueName(nt.name());
      col.notetypes().store().put(new Notetype(nt.id(), name, nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(),
          nt.templates()));
    }
    for (JsonNode d : json[2]) {
      Deck deck = DeckLegacy.fromJson(d);
      String name = deck.name();
      while (col.decks().byName(name).isPresent()) name += "_";
      col.decks().update(new Deck(deck.id(), name, deck.mtimeSecs(), deck.usn(), deck.common(), deck.kind()));
    }
    if (col.decks().get(Deck.DEFAULT_ID).isEmpty()) {
      Deck def = Deck.newNormal(Deck.DEFAULT_ID, "Default", 0);
      col.decks().update(new Deck(1, DeckNames.normalizeHuman("Default"), 0, 0, def.common(), def.kind()));
    }
    col.colTable().finishUpgradeTo18();
  }

  private String uniqueName(String name) {
    String n = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    while (col.notetypes().store().idByName(n).isPresent()) n += "_";
    return n;
  }

  private static JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

}
