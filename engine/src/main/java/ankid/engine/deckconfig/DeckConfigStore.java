package ankid.engine.deckconfig;

import ankid.engine.AnkiException;
import ankid.engine.proto.DeckConfigProto;
import ankid.engine.storage.Db;
import ankid.engine.storage.RowCache;
import ankid.engine.storage.Pending;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code deck_config} table of presets (rslib/src/storage/deckconfig/mod.rs). */
public final class DeckConfigStore {
  private static final String SELECT = "select id, name, mtime_secs, usn, config from deck_config";

  private final Db db;
  private final RowCache<Long, Optional<DeckConfig>> byId;

  public DeckConfigStore(Db db) {
    this.db = db;
    this.byId = db.newRowCache();
  }

  private static DeckConfig row(ResultSet rs) throws SQLException {
    try {
      return new DeckConfig(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
          DeckConfigProto.DeckConfig.Config.parseFrom(rs.getBytes(5)));
    } catch (InvalidProtocolBufferException e) {
      throw new AnkiException.BadCollection("preset " + rs.getLong(1) + " has a damaged blob", e);
    }
  }

  public List<DeckConfig> all() {
    return db.query(SELECT + " order by id", DeckConfigStore::row);
  }

  public Optional<DeckConfig> get(long id) {
    return byId.get(id, k -> db.queryOne(SELECT + " where id = ?", DeckConfigStore::row, k));
  }

  /** The id of the preset with this name, compared under unicase. */
  public Optional<Long> idByName(String name) {
    return db.queryOne("select id from deck_config where name = ?", rs -> rs.getLong(1), name);
  }

  public long maxId() {
    return db.queryLong("select max(id) from deck_config", 0);
  }

  /** Writes a preset as given, adding or replacing it. */
  public void put(DeckConfig c) {
    exec("insert or replace into deck_config (id, name, mtime_secs, usn, config) values (?, ?, ?, ?, ?)",
        c.id(), c.name(), c.mtimeSecs(), c.usn(), c.config().toByteArray());
  }

  public void delete(long id) {
    exec("delete from deck_config where id = ?", id);
  }

  // Sync (rslib/src/storage/deckconfig/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from deck_config where " + Pending.CLAUSE, pending.sinceUsn());
  }

  public List<Long> allIds() {
    return db.queryLongs("select id from deck_config");
  }

  public void setUsn(long id, int usn) {
    exec("update deck_config set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload ({@code clear_deck_conf_usns}). */
  public void clearUsns() {
    exec("update deck_config set usn = 0 where usn != 0");
  }

  public long count() {
    return db.queryLong("select count() from deck_config", 0);
  }

  /** Every write of this table goes through here: the rows cached from it are dropped first. */
  private void exec(String sql, Object... args) {
    byId.clear();
    db.exec(sql, args);
  }
}
