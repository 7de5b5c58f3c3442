package ankid.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.Collation;

/**
 * Test-side reader: every card of a collection file with the templates and context it renders
 * with, straight from SQLite. Schema 18 keeps notetypes in tables with protobuf configs; schema
 * 11 keeps them (and decks) as JSON in the {@code col} row.
 */
final class CollectionCards {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Notetype(String name, NotetypeKind kind, List<String> fieldNames, List<Template> templates, String css) {}

  record Template(String name, String qfmt, String afmt) {}

  /** One card: the templates it renders with and its context. */
  record Card(long id, Notetype notetype, Template template, CardContext context) {}

  private CollectionCards() {}

  static List<Card> read(Path collection) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + collection)) {
      Collation.create(db, "unicase", new Collation() {
        @Override
        protected int xCompare(String a, String b) {
          return a.compareToIgnoreCase(b);
        }
      });
      int ver = queryInt(db, "select ver from col");
      Map<Long, Notetype> notetypes = ver >= 15 ? notetypes18(db) : notetypes11(db);
      Map<Long, String> decks = ver >= 15 ? decks18(db) : decks11(db);
      return cards(db, notetypes, decks);
    }
  }

  private static List<Card> cards(Connection db, Map<Long, Notetype> notetypes, Map<Long, String> decks)
      throws SQLException {
    List<Card> out = new ArrayList<>();
    String sql = "select c.id, c.ord, c.did, c.odid, c.flags, n.mid, n.flds, n.tags"
        + " from cards c join notes n on n.id = c.nid order by c.id";
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Notetype nt = notetypes.get(rs.getLong("mid"));
        int ord = rs.getInt("ord");
        Template template = nt.kind() == NotetypeKind.CLOZE ? nt.templates().get(0)
            : ord < nt.templates().size() ? nt.templates().get(ord) : null;
        if (template == null) continue;
        long homeDeck = rs.getLong("odid") != 0 ? rs.getLong("odid") : rs.getLong("did");
        List<String> values = Arrays.asList(rs.getString("flds").split("\u001f", -1));
        List<String> tags = Arrays.stream(rs.getString("tags").split("\\s+")).filter(t -> !t.isEmpty()).toList();
        CardContext ctx = new CardContext(nt.kind(), nt.name(), template.name(),
            CardContext.fieldMap(nt.fieldNames(), values), tags, decks.get(homeDeck), ord,
            rs.getInt("flags") & 0b111, rs.getLong("id"));
        out.add(new Card(rs.getLong("id"), nt, template, ctx));
      }
    }
    return out;
  }

  private static Map<Long, Notetype> notetypes18(Connection db) throws SQLException {
    Map<Long, List<String>> fields = new HashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select ntid, name from fields order by ntid, ord")) {
      while (rs.next()) fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
    }
    Map<Long, List<Template>> templates = new HashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("select ntid, name, config from templates order by ntid, ord")) {
      while (rs.next()) {
        var config = parse(() -> ankid.engine.proto.NotetypesProto.Notetype.Template.Config.parseFrom(rs.getBytes(3)));
        templates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new Template(rs.getString(2), config.getQFormat(), config.getAFormat()));
      }
    }
    Map<Long, Notetype> out = new HashMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select id, name, config from notetypes")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        var config = parse(() -> ankid.engine.proto.NotetypesProto.Notetype.Config.parseFrom(rs.getBytes(3)));
        out.put(id, new Notetype(rs.getString(2), NotetypeKind.fromConfig(config.getKindValue()),
            fields.getOrDefault(id, List.of()), templates.getOrDefault(id, List.of()), config.getCss()));
      }
    }
    return out;
  }

  private static Map<Long, String> decks18(Connection db) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select id, name from decks")) {
      while (rs.next()) out.put(rs.getLong(1), rs.getString(2).replace("\u001f", "::"));
    }
    return out;
  }

  private static Map<Long, Notetype> notetypes11(Connection db) throws SQLException {
    Map<Long, Notetype> out = new HashMap<>();
    for (JsonNode m : colJson(db, "models")) {
      List<String> fieldNames = new ArrayList<>();
      m.get("flds").forEach(f -> fieldNames.add(f.get("name").asText()));
      List<Template> templates = new ArrayList<>();
      m.get("tmpls").forEach(t -> templates.add(
          new Template(t.get("name").asText(), t.get("qfmt").asText(), t.get("afmt").asText())));
      out.put(m.get("id").asLong(), new Notetype(m.get("name").asText(),
          NotetypeKind.fromConfig(m.path("type").asInt()), fieldNames, templates, m.path("css").asText()));
    }
    return out;
  }

  private static Map<Long, String> decks11(Connection db) throws SQLException {
    Map<Long, String> out = new HashMap<>();
    for (JsonNode d : colJson(db, "decks")) out.put(d.get("id").asLong(), d.get("name").asText());
    return out;
  }

  private static Iterable<JsonNode> colJson(Connection db, String column) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select " + column + " from col")) {
      List<JsonNode> values = new ArrayList<>();
      JSON.readTree(rs.getString(1)).forEach(values::add);
      return values;
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  private interface ProtoParse<T> {
    T parse() throws Exception;
  }

  private static <T> T parse(ProtoParse<T> parser) throws SQLException {
    try {
      return parser.parse();
    } catch (Exception e) {
      throw new SQLException(e);
    }
  }

  private static int queryInt(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.getInt(1);
    }
  }
}
