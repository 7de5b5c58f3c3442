package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: the same notes added by ankid and by real Anki (anki-oracle add-notes) end up
 * with the same fields, tags, csum, sfld (storage class included), notetype and card ords; and
 * Check Database finds nothing to fix after adds, edits, tag changes and deletes.
 */
class NotesOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  record Case(String notetype, String deck, List<String> fields, List<String> tags) {}

  /**
   * c0 is left out: 2.1.66 made a card for it, current Anki ignores it (rslib/src/cloze.rs,
   * {@code add_cloze_numbers_in_text_with_clozes}).
   */
  static final List<Case> CASES = List.of(
      new Case("Basic", "Default", List.of("hello <b>world</b>", "bonjour"), List.of("zeta Alpha", "alpha")),
      new Case("Basic", "Lang::French", List.of("123", "numeric sfld"), List.of("b::c", "B::C::d", "a::::b")),
      new Case("Basic", "Default", List.of("<img src=\"cat.jpg\"> e\u0301\r\u0001x", ""), List.of("ä Äb", "e\u0301")),
      new Case("Basic", "Default", List.of("", "empty first field still gets card 0"), List.of()),
      new Case("Basic (and reversed card)", "Lang::French", List.of("chat", "cat"), List.of("x\u3000y")),
      new Case("Basic (optional reversed card)", "Default", List.of("f", "b", ""), List.of()),
      new Case("Basic (optional reversed card)", "Default", List.of("f2", "b2", "y"), List.of()),
      new Case("Basic (type in the answer)", "Default", List.of("type", "answer"), List.of("ALPHA", "ﬃ", "IFF")),
      new Case("Cloze", "Lang::Spanish", List.of("El {{c1::niño}} come {{c2::pan}} {{c5::x}}", "extra"), List.of()),
      new Case("Cloze", "Default", List.of("no cloze at all", ""), List.of("cloze")),
      new Case("Cloze", "Default", List.of("{{c3::a::hint}} {{c1::b}} {{c3::c}}", ""), List.of()));

  @Test
  void notesAddedByAnkidMatchNotesAddedByAnki() throws Exception {
    SharedFiles.require();
    Path ours = tmp.resolve("ours.anki2");
    Path theirs = tmp.resolve("theirs.anki2");
    Oracle.run("new", theirs.toString()).ok();
    StringBuilder jsonl = new StringBuilder();
    for (Case c : CASES) {
      jsonl.append(JSON.writeValueAsString(Map.of("notetype", c.notetype(), "deck", c.deck(), "fields", c.fields(),
          "tags", c.tags()))).append('\n');
    }
    Path lines = Files.writeString(tmp.resolve("notes.jsonl"), jsonl);
    assertThat(Oracle.run("add-notes", theirs.toString(), lines.toString(), "--in-place").ok().get("failed").asInt())
        .isZero();
    try (Collection col = Collection.open(ours, Clock.systemDefaultZone())) {
      col.write(c -> {
        for (Case nc : CASES) addNote(c, nc);
        return null;
      });
    }
    String sql = "select n.flds, n.tags, n.csum, n.sfld, typeof(n.sfld), m.name,"
        + " (select group_concat(ord) from (select ord from cards where nid = n.id order by ord)),"
        + " (select count(distinct due) from cards where nid = n.id)"
        + " from notes n join notetypes m on m.id = n.mid order by n.id";
    JsonNode expected = Oracle.run("sql", theirs.toString(), sql).ok().get("rows");
    JsonNode actual = Oracle.run("sql", ours.toString(), sql).ok().get("rows");
    assertThat(actual).hasSize(CASES.size());
    for (int i = 0; i < CASES.size(); i++) {
      assertThat(actual.get(i)).as("note %d %s", i, CASES.get(i)).isEqualTo(expected.get(i));
    }
    assertThat(Oracle.run("check", ours.toString()).ok().get("problems")).isEmpty();
  }

  private static Note addNote(Collection c, Case nc) {
    Notetype nt = c.notetypes().byName(nc.notetype()).orElseThrow();
    long deck = c.decks().idForName(nc.deck());
    return c.notes().add(c.notes().draft(nt, nc.fields(), nc.tags()), deck);
  }

  @Test
  void checkDatabaseFindsNothingAfterEditsTagChangesAndDeletes() throws Exception {
    SharedFiles.require();
    Path ours = tmp.resolve("ours.anki2");
    try (Collection col = Collection.open(ours, Clock.systemDefaultZone())) {
      col.write(c -> {
        List<Long> ids = new ArrayList<>();
        for (Case nc : CASES) ids.add(addNote(c, nc).id());
        Note optional = c.notes().require(ids.get(5));
        c.notes().update(optional.withFields(List.of("f", "b", "now reversed")));
        Note cloze = c.notes().require(ids.get(8));
        c.notes().update(cloze.withFields(List.of("{{c1::a}} {{c7::b}}", "")));
        Notetype io = c.notetypes().byName("Image Occlusion").orElseThrow();
        c.notes().add(c.notes().draft(io, List.of("{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}}"
            + "{{c2::image-occlusion:rect:left=.5:top=.5:width=.2:height=.2}}", "<img src=\"io.png\">"), List.of()), 1);
        c.tags().addToNotes(ids, "added::tag");
        c.tags().removeFromNotes(ids, "b");
        c.tags().replaceInAllNotes("alpha", "omega");
        c.tags().clearUnused();
        c.notes().delete(List.of(ids.get(0), ids.get(4)));
        assertThat(c.notes().cardIds(ids.get(5))).hasSize(2);
        assertThat(c.db().queryLongs("select ord from cards where nid = ? order by ord", ids.get(8)))
            .containsExactly(0L, 1L, 4L, 6L);
        return null;
      });
    }
    assertThat(Oracle.run("check", ours.toString()).ok().get("problems")).isEmpty();
  }
}
