package ankid.engine.deck;

import ankid.engine.AnkiException;
import ankid.engine.proto.DecksProto;
import ankid.engine.storage.Db;
import ankid.engine.storage.RowCache;
import ankid.engine.storage.Pending;
import ankid.engine.storage.Sql;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code decks} table. */
public final class DeckStore {
  private final Db db;
  private final RowCache<Long, Optional<Deck>> byId;
  private final RowCache<String, Optional<Deck>> byNativeName;

  public DeckStore(Db db) {
    this.db = db;
    this.byId = db.newRowCache();
    this.byNativeName = db.newRowCache();
  }

  static Deck row(ResultSet rs) throws SQLException {
    try {
      return new Deck(
          rs.getLong(1),
          DeckNames.toHuman(rs.getString(2)),
          rs.getLong(3),
          rs.getInt(4),
          DecksProto.Deck.Common.parseFrom(rs.getBytes(5)),
          DecksProto.Deck.KindContainer.parseFrom(rs.getBytes(6)));
    } catch (InvalidProtocolBufferException e) {
      throw new AnkiException.BadCollection("deck " + rs.getLong(1) + " has a damaged blob", e);
    }
  }

  /** Every deck, parents before children (native names sort that way under unicase). */
  /**
   * A deck and its subdecks, in the order Anki's {@code update_active.sql} puts them in its
   * {@code active_decks} table (rslib/src/storage/deck/mod.rs, {@code update_active_decks}).
   */
  public List<Long> activeDeckIds(String nativeName) {
    return db.queryLongs(Sql.load("deck/active_decks.sql"), nativeName, nativeName + DeckNames.NATIVE_SEPARATOR,
        nativeName + ' ');
  }

  /** The given decks by name (rslib's {@code active_deck_ids_sorted.sql}); {@code idsJson} is a JSON array of ids. */
  public List<Long> sortedByName(String idsJson) {
    return db.queryLongs(Sql.load("deck/active_decks_sorted.sql"), idsJson);
  }

  public List<Deck> all() {
    return db.query(Sql.load("deck/all.sql"), DeckStore::row);
  }

  public Optional<Deck> get(long id) {
    return byId.get(id, k -> db.queryOne(Sql.load("deck/get.sql"), DeckStore::row, k));
  }

  /** Case-insensitive (unicase) lookup by human name. */
  public Optional<Deck> byName(String human) {
    return byNativeName.get(DeckNames.toNative(human),
        name -> db.queryOne(Sql.load("deck/by_name.sql"), DeckStore::row, name));
  }

  public void put(Deck d) {
    exec(
        Sql.load("deck/update.sql"),
        d.id(),
        DeckNames.toNative(d.name()),
        d.mtimeSecs(),
        d.usn(),
        d.common().toByteArray(),
        d.kind().toByteArray());
  }

  public void delete(long id) {
    exec("delete from decks where id = ?", id);
  }

  private void forgetCached() {
    byId.clear();
    byNativeName.clear();
  }

  public long maxId() {
    return db.queryLong("select max(id) from decks", 0);
  }

  /** Every deck's id and human name, sorted by name as the table's collation sorts it. */
  public List<Map.Entry<Long, String>> allNames() {
    return db.query("select id, name from decks order by name",
        rs -> Map.entry(rs.getLong(1), DeckNames.toHuman(rs.getString(2))));
  }

  // Sync (rslib storage/deck/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from decks where " + Pending.CLAUSE, pending.sinceUsn());
  }

  public List<Long> allIds() {
    return db.queryLongs("select id from decks");
  }

  /** The id of the deck with this native ({@code \x1f}-separated) name, compared as unicase. */
  public Optional<Long> idByNativeName(String nativeName) {
    return db.queryOne("select id from decks where name = ?", rs -> rs.getLong(1), nativeName);
  }

  public void setUsn(long id, int usn) {
    exec("update decks set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload (rslib clear_deck_usns). */
  public void clearUsns() {
    exec("update decks set usn = 0 where usn != 0");
  }

  public long count() {
    return db.queryLong("select count() from decks", 0);
  }

  /** Every write of this table goes through here: the rows cached from it are dropped first. */
  private void exec(String sql, Object... args) {
    forgetCached();
    db.exec(sql, args);
  }
}
