package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dupe:NOTETYPE,text} against the real engine: notes whose first field holds entities,
 * markup and media references, found by the same spellings. Both sides strip the searched text
 * and the candidates with rslib's {@code text.rs, strip_html_preserving_media_filenames} and
 * compare the {@code csum} Anki stored ({@code search/sqlwriter.rs, SqlWriter::write_dupe}).
 * {@code <video>} and {@code <source>} media tags and literal NBSP/tab/newline in the query are
 * left out: Anki 2.1.66 treats them differently from current Anki.
 */
class DupeOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> BASIC_FIRST_FIELDS = List.of(
      "caf&eacute; cr&egrave;me", "café crème", "<b>caf&eacute;</b> cr&egrave;me", "line<br>break",
      "line<br/>break", "<div>dog</div>", "<img src=\"pic.jpg\">", "see <img src='a.png'> here",
      "[sound:hello.mp3]", "[sound:caf&eacute;.mp3]", "a &amp; b", "a & b", "a &amp; & b",
      "&lt;b&gt;tag&lt;/b&gt;", "x&nbsp;y", "&#233;t&#xe9;", "<img src=\"caf&eacute;.jpg\">",
      "<audio src=\"s.mp3\"></audio>", "<object data=\"o.svg\"></object>");

  /** Searched in the Basic notetype; {@code \"} is dupe:'s escaped quote. */
  private static final List<String> BASIC_TEXTS = List.of(
      "café crème", "caf&eacute; cr&egrave;me", "caf&#233; cr&#xe8;me", "<b>café</b> crème",
      "<i>caf&eacute;</i> cr&egrave;me", "cafe\u0301 crème", "CAFÉ CRÈME", "café", "line<br>break",
      "linebreak", "line break", "line<br />break", "<div>dog</div>", "dog", "<img src='pic.jpg'>",
      "<img src=\\\"pic.jpg\\\">", " pic.jpg ", "pic.jpg", "see <img src=a.png> here", "see  a.png  here",
      "[sound:hello.mp3]", "[sound:café.mp3]", "[sound:caf&eacute;.mp3]", "a & b", "a &amp; b",
      "a &amp; & b", "<b>tag</b>", "&lt;b&gt;tag&lt;/b&gt;", "tag", "x y", "x&nbsp;y", "été",
      "<img src=\\\"café.jpg\\\">", " café.jpg ", " s.mp3 ", "<audio src='s.mp3'>", " o.svg ");

  private static final List<String> CLOZE_TEXTS = List.of(
      "{{c1::café}} crème", "{{c1::caf&eacute;}} cr&egrave;me", "café crème");

  @TempDir static Path dir;
  static Path collection;
  static long basicId;
  static long clozeId;

  @BeforeAll
  static void addNotesWithTheRealEngine() throws Exception {
    SharedFiles.require();
    collection = dir.resolve("dupes.anki2");
    Oracle.run("new", collection.toString()).ok();
    List<String> lines = new ArrayList<>();
    for (String field : BASIC_FIRST_FIELDS) lines.add(note("Basic", field));
    lines.add(note("Cloze", "{{c1::caf&eacute;}} cr&egrave;me"));
    Path input = dir.resolve("notes.jsonl");
    Files.write(input, lines);
    JsonNode added = Oracle.run("add-notes", collection.toString(), input.toString(), "--in-place").ok();
    assertThat(added.get("failed").asInt()).isZero();
    for (JsonNode nt : Oracle.run("notetypes", collection.toString()).ok()) {
      if (nt.get("name").asText().equals("Basic")) basicId = nt.get("id").asLong();
      if (nt.get("name").asText().equals("Cloze")) clozeId = nt.get("id").asLong();
    }
  }

  private static String note(String notetype, String firstField) throws Exception {
    ObjectNode note = JSON.createObjectNode().put("notetype", notetype);
    note.putArray("fields").add(firstField).add("");
    return JSON.writeValueAsString(note);
  }

  @Test
  void entitiesInTheFirstFieldAreFoundByTheDecodedAndTheEncodedText() {
    List<Long> decoded = ankidFinds(List.of("\"dupe:" + basicId + ",café crème\"")).get(0);
    List<Long> encoded = ankidFinds(List.of("\"dupe:" + basicId + ",caf&eacute; cr&egrave;me\"")).get(0);
    // "caf&eacute; cr&egrave;me", "café crème" and "<b>caf&eacute;</b> cr&egrave;me"
    assertThat(decoded).hasSize(3).containsExactlyInAnyOrderElementsOf(encoded);
  }

  @Test
  void everySpellingFindsTheNotesAnkiFinds() throws Exception {
    List<String> queries = queries();
    Map<String, Set<Long>> anki = ankiFinds(queries);
    List<List<Long>> ankid = ankidFinds(queries);
    List<String> mismatches = new ArrayList<>();
    int withMatches = 0;
    for (int i = 0; i < queries.size(); i++) {
      Set<Long> expected = anki.get(queries.get(i));
      Set<Long> ours = new HashSet<>(ankid.get(i));
      if (!ours.equals(expected)) mismatches.add(queries.get(i) + ": Anki " + expected + ", ours " + ours);
      if (!expected.isEmpty()) withMatches++;
    }
    assertThat(mismatches).as("queries where ankid and Anki disagree").isEmpty();
    // guard against a vacuous comparison: most spellings find something
    assertThat(withMatches).isGreaterThan(anki.size() * 2 / 3);
  }

  private static List<String> queries() {
    List<String> queries = new ArrayList<>();
    for (String text : BASIC_TEXTS) queries.add("\"dupe:" + basicId + "," + text + "\"");
    for (String text : CLOZE_TEXTS) queries.add("\"dupe:" + clozeId + "," + text + "\"");
    return queries;
  }

  private static Map<String, Set<Long>> ankiFinds(List<String> queries) throws Exception {
    Path file = dir.resolve("queries.txt");
    Files.writeString(file, String.join("\n", queries) + "\n");
    JsonNode results = Oracle.run("search-many", collection.toString(), file.toString(), "--notes").ok();
    Map<String, Set<Long>> out = new LinkedHashMap<>();
    for (JsonNode r : results) {
      assertThat(r.has("error")).as(r.toString()).isFalse();
      Set<Long> ids = new HashSet<>();
      r.get("ids").forEach(id -> ids.add(id.asLong()));
      out.put(r.get("query").asText(), ids);
    }
    assertThat(out).hasSize(queries.size());
    return out;
  }

  private static List<List<Long>> ankidFinds(List<String> queries) {
    try (Collection col = Collection.open(collection, Clock.systemUTC())) {
      return col.read(c -> queries.stream().map(c::findNotes).toList());
    }
  }
}
