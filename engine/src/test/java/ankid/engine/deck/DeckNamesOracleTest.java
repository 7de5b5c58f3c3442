package ankid.engine.deck;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.storage.Unicase;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decks the engine creates for notes added to them, against our name rules. */
class DeckNamesOracleTest {
  // no '"' and no ':' at the ends of a component: 2.1.66 removed the one and kept the other, where
  // current Anki (rslib/src/decks/name.rs) keeps quotes and trims colons; DeckNamesTest covers those
  private static final List<String> DECKS = List.of(
      "Lang::French", "lang::GERMAN", "LANG::french::Verbs", "foo::::baz", " Spaced :: x ::",
      "nbsp\u00A0::\u3000y", "e\u0301t\u00E9", "ÉTÉ", "ﬃ::a", "IFF::b", "FFI", "tab\tin::name",
      "Default::Child", "a::b::c::d", "A::B::e");

  @Test
  void createdDecksMatchOurNormalisationAndParentSpelling(@TempDir Path dir) throws Exception {
    SharedFiles.require();
    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (String deck : DECKS) {
      ObjectNode note = json.createObjectNode().put("notetype", "Basic").put("deck", deck);
      note.putArray("fields").add("front " + lines.size()).add("");
      lines.add(json.writeValueAsString(note));
    }
    Path input = dir.resolve("notes.jsonl");
    Files.write(input, lines);
    Oracle.run("add-notes", col.toString(), input.toString(), "--in-place").ok();
    JsonNode rows = Oracle.run("sql", col.toString(), "select name from decks").ok().get("rows");
    List<String> anki = new ArrayList<>();
    for (JsonNode row : rows) anki.add(row.get(0).asText());

    // The engine's get-or-create: unicase lookup, else create with parent spelling and parents.
    Map<String, String> decks = new LinkedHashMap<>();
    decks.put(Unicase.fold("Default"), "Default");
    for (String human : DECKS) {
      String name = DeckNames.toNative(human);
      if (decks.containsKey(Unicase.fold(name))) continue;
      name = DeckNames.adoptParentSpelling(name, n -> Optional.ofNullable(decks.get(Unicase.fold(n))));
      for (String ancestor : DeckNames.ancestors(name)) decks.putIfAbsent(Unicase.fold(ancestor), ancestor);
      decks.put(Unicase.fold(name), name);
    }
    assertThat(anki).containsExactlyInAnyOrderElementsOf(decks.values());
  }
}
