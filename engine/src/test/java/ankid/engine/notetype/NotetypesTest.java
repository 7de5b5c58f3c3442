package ankid.engine.notetype;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.note.NoteText;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving edited notetypes on a collection whose notes real Anki added; afterwards real Anki's
 * Check Database must find nothing to fix, and it must see the notetypes as we stored them.
 */
class NotetypesTest {
  @TempDir Path tmp;
  Path file;

  @BeforeEach
  void collectionWithNotes() throws Exception {
    SharedFiles.require();
    file = tmp.resolve("collection.anki2");
    Collection.open(file, Clock.systemDefaultZone()).close();
    Path notes = tmp.resolve("notes.jsonl");
    Files.writeString(notes, String.join("\n",
        "{\"notetype\": \"Basic\", \"deck\": \"Lang::French\", \"fields\": [\"<b>chat</b>\", \"cat\"]}",
        "{\"notetype\": \"Basic\", \"fields\": [\"chien\", \"\"], \"tags\": [\"t\"]}",
        "{\"notetype\": \"Basic (and reversed card)\", \"fields\": [\"un\", \"one\"]}",
        "{\"notetype\": \"Cloze\", \"fields\": [\"{{c1::a}} {{c2::b}}\", \"x\"]}"));
    assertThat(Oracle.run("add-notes", file.toString(), notes.toString(), "--in-place").ok().get("added").asInt())
        .isEqualTo(4);
  }

  private <T> T edit(Function<Collection, T> work) {
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      return col.write(work);
    }
  }

  private Notetype byName(Collection col, String name) {
    return col.notetypes().byName(name).orElseThrow();
  }

  private static List<List<String>> fieldsOf(Collection col, long ntid) {
    return col.db().query("select flds from notes where mid = ? order by id",
        rs -> NoteText.splitFields(rs.getString(1)), ntid);
  }

  private static List<Integer> ordsOf(Collection col, long ntid) {
    return col.db().query("select ord from cards where nid in (select id from notes where mid = ?) order by nid, ord",
        rs -> rs.getInt(1), ntid);
  }

  @Test
  void fieldsAddedMovedRenamedAndRemovedCarryNotesAndTemplatesAlong() {
    edit(col -> {
      Notetype nt = byName(col, "Basic");
      long scm = col.db().queryLong("select scm from col", 0);
      nt = NotetypeEdits.addField(nt, "Extra");
      nt = NotetypeEdits.renameField(nt, 0, "Question");
      nt = NotetypeEdits.repositionField(nt, 1, 0);
      Notetype saved = col.notetypes().update(nt);
      assertThat(saved.fieldNames()).containsExactly("Back", "Question", "Extra");
      assertThat(saved.sortFieldIndex()).isEqualTo(1);
      assertThat(saved.templates().get(0).config().getQFormat()).isEqualTo("{{Question}}");
      assertThat(saved.templates().get(0).config().getAFormat()).contains("{{Back}}");
      assertThat(fieldsOf(col, saved.id())).containsExactly(List.of("cat", "<b>chat</b>", ""), List.of("", "chien", ""));
      assertThat(col.db().queryLong("select csum from notes where mid = ? order by id", 0, saved.id()))
          .isEqualTo(NoteText.fieldChecksum("cat"));
      assertThat(col.db().queryLong("select scm from col", 0)).isGreaterThanOrEqualTo(scm);
      assertThat(saved.usn()).isEqualTo(-1);
      Notetype removed = col.notetypes().update(NotetypeEdits.removeField(saved, 0));
      assertThat(removed.templates().get(0).config().getAFormat()).doesNotContain("Back");
      assertThat(fieldsOf(col, saved.id())).containsExactly(List.of("<b>chat</b>", ""), List.of("chien", ""));
      return null;
    });
    assertAnkiAgrees();
  }

  @Test
  void templatesAddedGenerateCardsAndRemovedOnesTakeTheirCards() {
    edit(col -> {
      Notetype basic = byName(col, "Basic");
      long nextPos = col.config().getLong("nextPos", 0);
      Notetype saved = col.notetypes().update(
          NotetypeEdits.addTemplate(basic, "Card 2", "{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"));
      assertThat(ordsOf(col, saved.id())).containsExactly(0, 1, 0);
      assertThat(col.db().queryLong("select count() from cards c join cards d on c.nid = d.nid"
          + " where c.ord = 1 and d.ord = 0 and c.did = d.did and c.due = d.due"
          + " and c.nid in (select id from notes where mid = ?)", 0, saved.id())).isEqualTo(1);
      assertThat(col.config().getLong("nextPos", 0)).isEqualTo(nextPos);

      Notetype reversed = byName(col, "Basic (and reversed card)");
      Notetype moved = col.notetypes().update(NotetypeEdits.repositionTemplate(reversed, 0, 1));
      assertThat(moved.templates()).extracting(Notetype.Template::name).containsExactly("Card 2", "Card 1");
      Notetype oneLeft = col.notetypes().update(NotetypeEdits.removeTemplate(moved, 1));
      assertThat(oneLeft.templates()).extracting(Notetype.Template::name).containsExactly("Card 2");
      assertThat(ordsOf(col, oneLeft.id())).containsExactly(0);
      assertThat(col.db().queryLong("select count() from graves where type = 0", 0)).isEqualTo(1);
      return null;
    });
    assertAnkiAgrees();
  }

  @Test
  void createdNotetypesAreUniquelyNamedAndValidForAnki() {
    edit(col -> {
      Notetype nt = NotetypeEdits.blank("Basic", false);
      nt = NotetypeEdits.addField(nt, "Word");
      nt = NotetypeEdits.addField(nt, "word");
      nt = NotetypeEdits.addTemplate(nt, "Card 1", "{{Word}}", "{{FrontSide}}<hr id=answer>{{word+}}");
      Notetype added = col.notetypes().add(nt);
      assertThat(added.name()).isEqualTo("Basic+");
      assertThat(added.fieldNames()).containsExactly("Word", "word+");
      assertThat(added.config().getReqsCount()).isEqualTo(1);
      Notetype cloze = NotetypeEdits.blank("My cloze", true);
      cloze = NotetypeEdits.addField(cloze, "Text");
      cloze = NotetypeEdits.addTemplate(cloze, "Cloze", "{{cloze:Text}}", "{{cloze:Text}}");
      assertThat(col.notetypes().add(cloze).isCloze()).isTrue();
      return null;
    });
    assertAnkiAgrees();
  }

  @Test
  void cssFontsAndSortFieldAreSaved() {
    edit(col -> {
      Notetype nt = byName(col, "Basic");
      nt = NotetypeEdits.withCss(nt, ".card {}");
      nt = NotetypeEdits.setFieldConfig(nt, 1, c -> c.setFontName("Courier").setFontSize(30).setDescription("d"));
      nt = NotetypeEdits.withConfig(nt, c -> c.setSortFieldIdx(1));
      Notetype saved = col.notetypes().update(nt);
      assertThat(saved.fields().get(1).config().getFontName()).isEqualTo("Courier");
      assertThat(col.db().query("select sfld from notes where mid = ? order by id", rs -> rs.getString(1), saved.id()))
          .containsExactly("cat", "");
      return null;
    });
    assertAnkiAgrees();
  }

  /** Check Database finds nothing, Anki reads back our notetypes, and every card renders. */
  private void assertAnkiAgrees() {
    assertThat(Oracle.run("check", file.toString()).ok().get("problems")).isEmpty();
    JsonNode theirs = Oracle.run("notetypes", file.toString()).ok();
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      col.read(c -> {
        for (JsonNode t : theirs) {
          Notetype ours = c.notetypes().get(t.get("id").asLong()).orElseThrow();
          assertThat(t.get("name").asText()).isEqualTo(ours.name());
          assertThat(t.get("kind").asText()).isEqualTo(ours.isCloze() ? "cloze" : "normal");
          assertThat(t.get("sortField").asInt()).isEqualTo(ours.sortFieldIndex());
          assertThat(t.get("css").asText()).isEqualTo(ours.config().getCss());
          assertThat(t.get("fields")).extracting(JsonNode::asText).containsExactlyElementsOf(ours.fieldNames());
          for (Notetype.Template tmpl : ours.templates()) {
            JsonNode their = t.get("templates").get(tmpl.ord());
            assertThat(their.get("name").asText()).isEqualTo(tmpl.name());
            assertThat(their.get("qfmt").asText()).isEqualTo(tmpl.config().getQFormat());
            assertThat(their.get("afmt").asText()).isEqualTo(tmpl.config().getAFormat());
          }
        }
        return null;
      });
    }
    JsonNode rendered = Oracle.run("render-all", file.toString()).ok();
    for (JsonNode card : rendered.isArray() ? rendered : List.of(rendered)) {
      assertThat(card.has("error")).as(card.toString()).isFalse();
    }
  }
}
