package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After a sync both sides must hold the same collection: every row of the synced tables equal
 * (read by the real engine on a copy of ankid's file), and Check Database clean on both.
 */
final class CollectionsAlike {
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("notes", "select id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data from notes order by id");
    TABLES.put("cards", "select * from cards order by id");
    TABLES.put("revlog", "select * from revlog order by id");
    TABLES.put("decks", "select id, name, mtime_secs, usn, hex(common), hex(kind) from decks order by id");
    TABLES.put("notetypes", "select id, name, mtime_secs, usn, hex(config) from notetypes order by id");
    TABLES.put("fields", "select ntid, ord, name, hex(config) from fields order by ntid, ord");
    TABLES.put("templates", "select ntid, ord, name, mtime_secs, usn, hex(config) from templates order by ntid, ord");
    TABLES.put("deck_config", "select id, name, mtime_secs, usn, hex(config) from deck_config order by id");
    // not usn: tags travel as names and take the receiver's current usn (rslib changes.rs merge_tags)
    TABLES.put("tags", "select tag from tags order by tag");
    TABLES.put("graves", "select oid, type, usn from graves order by type, oid");
    TABLES.put("config", "select KEY, cast(val as text) from config order by KEY");
    // not ls: a client sets it after a full download, a server never does (rslib download.rs)
    TABLES.put("col", "select crt, mod, scm, usn from col");
  }

  private CollectionsAlike() {}

  /** A consistent copy of ankid's collection the oracle can open. */
  static Path copyOf(Collection col, Path dir) throws Exception {
    Files.createDirectories(dir);
    Path copy = dir.resolve("ankid-" + System.nanoTime() + ".anki2");
    col.copyTo(copy);
    return copy;
  }

  static void assertAlike(Oracle.Batch oracle, Path client, Collection ankid, Path scratch) throws Exception {
    Path server = copyOf(ankid, scratch);
    for (Map.Entry<String, String> t : TABLES.entrySet()) {
      JsonNode a = oracle.call("sql", client.toString(), t.getValue()).ok().get("rows");
      JsonNode b = oracle.call("sql", server.toString(), t.getValue()).ok().get("rows");
      assertThat(b).as("%s on ankid's side vs the Anki client's", t.getKey()).isEqualTo(a);
    }
    assertClean(oracle, client);
    assertClean(oracle, server);
  }

  static void assertClean(Oracle.Batch oracle, Path file) {
    assertThat(oracle.call("check", file.toString()).ok().get("problems")).as("Check Database of %s", file).isEmpty();
  }
}
