package ankid.engine.packages;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What two collections must agree on after an import or export, read through the real engine
 * ({@code anki-oracle sql}) so both files are seen alike. Ids of things an import creates afresh
 * (decks, copied notetypes) differ between runs, so rows name them instead.
 */
final class CollectionDump {
  /**
   * Notetypes are named without the {@code _} a schema-11 upgrade appends to a duplicate name or
   * the {@code +} an import appends to a taken one: which duplicate gets it depends on the order
   * Anki happens to read a JSON map in.
   */
  static final String NOTETYPE_NAME = "rtrim(nt.name, '_+')";
  static final String NOTES = "select n.id, n.guid, " + NOTETYPE_NAME + ", n.mod, n.tags, n.flds from notes n"
      + " join notetypes nt on nt.id = n.mid order by n.id";
  static final String NOTES_WITHOUT_MOD = "select n.id, n.guid, " + NOTETYPE_NAME + ", n.tags, n.flds from notes n"
      + " join notetypes nt on nt.id = n.mid order by n.id";
  static final String CARDS = "select c.id, n.guid, c.ord, d.name, c.mod, c.type, c.queue, c.due, c.ivl, c.factor,"
      + " c.reps, c.lapses, c.left, c.odue, coalesce(od.name, ''), c.flags from cards c join notes n on n.id = c.nid"
      + " join decks d on d.id = c.did left join decks od on od.id = c.odid order by c.id";
  static final String REVLOG = "select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by id";
  static final String DECKS = "select name from decks order by name";
  static final String NOTETYPES = "select " + NOTETYPE_NAME + ", (select group_concat(f.name, ',') from"
      + " (select name from fields where ntid = nt.id order by ord) f),"
      + " (select group_concat(t.name, ',') from (select name from templates where ntid = nt.id order by ord) t)"
      + " from notetypes nt order by 1, 2, 3";

  private CollectionDump() {}

  static Map<String, JsonNode> of(Oracle.Batch oracle, Path collection, String... queries) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String q : queries) out.put(q, oracle.call("sql", collection.toString(), q).ok().get("rows"));
    return out;
  }

  static JsonNode rows(Oracle.Batch oracle, Path collection, String query) {
    return oracle.call("sql", collection.toString(), query).ok().get("rows");
  }
}
