package ankid.engine.deckconfig;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.proto.DeckConfigProto;
import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import java.util.List;
import java.util.Optional;

/** Deck options presets: the {@code deck_config} table and its operations. */
public final class DeckConfigs {
  private static final String COLUMNS = "select id, name, mtime_secs, usn, config from deck_config";

  private final Collection col;

  public DeckConfigs(Collection col) {
    this.col = col;
  }

  private Db db() {
    return col.db();
  }

  private static DeckConfig row(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      return new DeckConfig(
          rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
          DeckConfigProto.DeckConfig.Config.parseFrom(rs.getBytes(5)));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new java.sql.SQLException("preset " + rs.getLong(1) + " has a damaged blob", e);
    }
  }

  public List<DeckConfig> all() {
    return db().query(COLUMNS + " order by id", DeckConfigs::row);
  }

  public Optional<DeckConfig> get(long id) {
    return db().queryOne(COLUMNS + " where id = ?", DeckConfigs::row, id);
  }

  /** The preset a normal deck uses; a dangling id silently means preset 1, as in Anki. */
  public DeckConfig forDeck(Deck deck) {
    return get(deck.configId()).or(() -> get(DeckConfig.DEFAULT_ID)).orElseThrow();
  }

  public void put(DeckConfig c) {
    db().exec(
        "insert or replace into deck_config (id, name, mtime_secs, usn, config) values (?, ?, ?, ?, ?)",
        c.id(), c.name(), c.mtimeSecs(), c.usn(), c.config().toByteArray());
  }

  /** Adds a preset with a fresh id. */
  public DeckConfig add(String name, DeckConfigProto.DeckConfig.Config config) {
    DeckConfig c = new DeckConfig(col.newId("deck_config"), name, col.nowSecs(), -1, config);
    put(c);
    return c;
  }

  /**
   * Removes a preset; decks using it fall back to preset 1. Like Anki this is a schema change, and
   * the default preset cannot be removed.
   */
  public void remove(long id) {
    if (id == DeckConfig.DEFAULT_ID) throw new AnkiException.InvalidInput("can't delete default conf");
    for (Deck d : col.decks().all()) {
      if (!d.isFiltered() && d.configId() == id) col.decks().setConfigId(d, DeckConfig.DEFAULT_ID);
    }
    db().exec("delete from deck_config where id = ?", id);
    col.markSchemaModified();
  }

  // Sync (rslib storage/deckconfig/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db().queryLongs("select id from deck_config where " + Pending.CLAUSE, pending.sinceUsn());
  }

  public List<Long> allIds() {
    return db().queryLongs("select id from deck_config");
  }

  public void setUsn(long id, int usn) {
    db().exec("update deck_config set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload (rslib clear_deck_conf_usns). */
  public void clearUsns() {
    db().exec("update deck_config set usn = 0 where usn != 0");
  }

  public long count() {
    return db().queryLong("select count() from deck_config", 0);
  }
}
