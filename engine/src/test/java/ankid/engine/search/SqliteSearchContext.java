package ankid.engine.search;

import ankid.engine.proto.DecksProto;
import ankid.engine.proto.NotetypesProto;
import ankid.engine.storage.Unicase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A test-side {@link SearchContext} read straight from a schema-18 collection file (the lead's
 * storage layer will provide the real one). "Today" is given, taken from the oracle.
 */
final class SqliteSearchContext implements SearchContext {
  private final Connection conn;
  private final List<Notetype> notetypes;
  private final List<Deck> decks;
  private final long currentDeckId;
  private final int daysElapsed;
  private final long nextDayAt;
  private final long now;

  SqliteSearchContext(Connection conn, int daysElapsed, long nextDayAt, long now) throws Exception {
    this.conn = conn;
    this.notetypes = readNotetypes(conn);
    this.decks = readDecks(conn);
    String cur = configValue(conn, "curDeck");
    // a value that is not a JSON integer (old collections hold strings) means the default
    this.currentDeckId = cur == null || !cur.trim().matches("-?\\d+") ? 1 : Long.parseLong(cur.trim());
    this.daysElapsed = daysElapsed;
    this.nextDayAt = nextDayAt;
    this.now = now;
  }

  /** Registers a simple {@code unicase} collation (fine for tests) and Anki's search functions. */
  static void prepare(Connection conn) throws SQLException {
    org.sqlite.Collation.create(conn, "unicase", new org.sqlite.Collation() {
      @Override
      protected int xCompare(String a, String b) {
        return Unicase.fold(a).compareTo(Unicase.fold(b));
      }
    });
    SearchFunctions.register(conn);
  }

  private static List<Notetype> readNotetypes(Connection conn) throws Exception {
    Map<Long, List<Field>> fields = new HashMap<>();
    Map<Long, List<String>> templates = new HashMap<>();
    try (Statement st = conn.createStatement()) {
      try (ResultSet rs = st.executeQuery("select ntid, ord, name, config from fields order by ntid, ord")) {
        while (rs.next()) {
          var config = NotetypesProto.Notetype.Field.Config.parseFrom(rs.getBytes(4));
          fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Field(rs.getString(3), rs.getInt(2), config.getExcludeFromSearch()));
        }
      }
      try (ResultSet rs = st.executeQuery("select ntid, name from templates order by ntid, ord")) {
        while (rs.next()) templates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
      List<Notetype> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select id, name, config from notetypes")) {
        while (rs.next()) {
          var config = NotetypesProto.Notetype.Config.parseFrom(rs.getBytes(3));
          long id = rs.getLong(1);
          out.add(new Notetype(id, rs.getString(2), config.getKindValue() == 1, config.getSortFieldIdx(),
              fields.getOrDefault(id, List.of()), templates.getOrDefault(id, List.of())));
        }
      }
      return out;
    }
  }

  private static List<Deck> readDecks(Connection conn) throws Exception {
    List<Deck> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select id, name, kind from decks")) {
      while (rs.next()) {
        var kind = DecksProto.Deck.KindContainer.parseFrom(rs.getBytes(3));
        boolean filtered = kind.hasFiltered();
        out.add(new Deck(rs.getLong(1), rs.getString(2), filtered, filtered ? 0 : kind.getNormal().getConfigId()));
      }
    }
    return out;
  }

  private static String configValue(Connection conn, String key) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("select val from config where key = ?")) {
      st.setString(1, key);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? new String(rs.getBytes(1), StandardCharsets.UTF_8) : null;
      }
    }
  }

  @Override
  public List<Notetype> notetypes() {
    return notetypes;
  }

  @Override
  public List<Deck> decks() {
    return decks;
  }

  @Override
  public long currentDeckId() {
    return currentDeckId;
  }

  @Override
  public OptionalLong deckConfigIdByName(String name) {
    try (PreparedStatement st = conn.prepareStatement("select id from deck_config where name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<NoteField> notesWithChecksum(long notetypeId, long checksum) {
    List<NoteField> out = new ArrayList<>();
    try (PreparedStatement st = conn.prepareStatement(
        "select id, field_at_index(flds, 0) from notes where csum = ? and mid = ?")) {
      st.setLong(1, checksum);
      st.setLong(2, notetypeId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(new NoteField(rs.getLong(1), rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Override
  public int daysElapsed() {
    return daysElapsed;
  }

  @Override
  public long nextDayAt() {
    return nextDayAt;
  }

  @Override
  public long now() {
    return now;
  }
}
