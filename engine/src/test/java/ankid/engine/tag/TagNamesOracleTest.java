package ankid.engine.tag;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.storage.Unicase;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notes added one after another by the engine: every note's tags and the final tags table. */
class TagNamesOracleTest {
  private static final List<List<String>> NOTES = List.of(
      List.of("zeta", "Alpha", "alpha", "ä", "Äb", "b::c", " x ", "y\u3000z", "a::::b", "e\u0301"),
      List.of("ALPHA", "B::C::d", "ﬃ", "IFF", "FFI"),
      List.of("q\"uote", "a::", "  ", "Tag\u0001x", "FOO", "foo", "\u00A0t\u00A0"),
      List.of("new", "NEW::child", "Straße", "STRASSE::x", "ǅ", "ǆ"),
      List.of("\uFA47", "one two", "", "::", "foo::"),
      List.of("Zz", "_under", "0digit", "Ωmega", "ωMEGA::x", "\uD801\uDC00", "\uD801\uDC28::y"),
      List.of("b::C::D::E", "A::BLANK::B::c"));

  @Test
  void canonicalTagsMatchTheEngine(@TempDir Path dir) throws Exception {
    SharedFiles.require();
    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (List<String> tags : NOTES) {
      ObjectNode note = json.createObjectNode().put("notetype", "Basic");
      note.putArray("fields").add("front " + lines.size()).add("");
      ArrayNode array = note.putArray("tags");
      tags.forEach(array::add);
      lines.add(json.writeValueAsString(note));
    }
    Path input = dir.resolve("notes.jsonl");
    Files.write(input, lines);
    Oracle.run("add-notes", col.toString(), input.toString(), "--in-place").ok();
    JsonNode notes = Oracle.run("sql", col.toString(), "select tags from notes order by id").ok().get("rows");
    JsonNode table = Oracle.run("sql", col.toString(), "select tag from tags").ok().get("rows");

    List<String> registered = new ArrayList<>();
    TagNames.Registry registry = name -> registered.stream().filter(t -> Unicase.equals(t, name)).findFirst();
    for (int i = 0; i < NOTES.size(); i++) {
      TagNames.Canonified result = TagNames.canonify(NOTES.get(i), registry);
      registered.addAll(result.newTags());
      assertThat(TagNames.join(result.tags())).as("note %d", i).isEqualTo(notes.get(i).get(0).asText());
    }
    List<String> ankiTable = new ArrayList<>();
    for (JsonNode row : table) ankiTable.add(row.get(0).asText());
    assertThat(ankiTable).containsExactlyInAnyOrderElementsOf(registered);
  }
}
