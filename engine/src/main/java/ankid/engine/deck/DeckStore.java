package ankid.engine.deck;

import ankid.engine.proto.DecksProto;
import ankid.engine.storage.Db;
import ankid.engine.storage.RowCache;
import ankid.engine.storage.Sql;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
      throw new SQLException("deck " + rs.getLong(1) + " has a damaged blob", e);
    }
  }

  /** Every deck, parents before children (native names sort that way under unicase). */
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
    forgetCached();
    db.exec(
        Sql.load("deck/update.sql"),
        d.id(),
        DeckNames.toNative(d.name()),
        d.mtimeSecs(),
        d.usn(),
        d.common().toByteArray(),
        d.kind().toByteArray());
  }

  public void delete(long id) {
    forgetCached();
    db.exec("delete from decks where id = ?", id);
  }

  private void forgetCached() {
    byId.clear();
    byNativeName.clear();
  }

  public long maxId() {
    return db.queryLong("select max(id) from decks", 0);
  }
}
