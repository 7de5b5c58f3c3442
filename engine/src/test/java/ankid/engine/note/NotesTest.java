package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The note save path (rslib/src/notes/mod.rs, {@code add_note}) and Anki's
 * {@code note_fields_check}.
 */
class NotesTest {
  @TempDir Path tmp;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(tmp.resolve("collection.anki2"), Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    col.close();
  }

  private <T> T write(Function<Collection, T> work) {
    return col.write(work);
  }

  private Note add(String notetype, long deck, String... fields) {
    return write(c -> {
      Notetype nt = c.notetypes().byName(notetype).orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of(fields), List.of("t")), deck);
    });
  }

  private List<Long> column(String sql, Object... args) {
    return col.read(c -> c.db().queryLongs(sql, args));
  }

  @Test
  void addingWritesTheNoteCardsAndConfigAsAnkiDoes() {
    long deck = write(c -> c.decks().idForName("Lang"));
    Note note = add("Basic (and reversed card)", deck, "a", "b");
    Notetype nt = col.read(c -> c.notetypes().byName("Basic (and reversed card)").orElseThrow());
    assertThat(note.id()).isEqualTo(1_800_000_000_000L);
    assertThat(note.mtimeSecs()).isEqualTo(1_800_000_000L);
    assertThat(note.usn()).isEqualTo(-1);
    assertThat(note.guid()).isNotEmpty();
    assertThat(column("select did from cards where nid = ?", note.id())).containsOnly(deck);
    assertThat(column("select due from cards where nid = ?", note.id())).containsExactly(1L, 1L);
    // Card and note ids are both "now", unique per table.
    assertThat(column("select id from cards where nid = ? order by ord", note.id()))
        .containsExactly(note.id(), note.id() + 1);
    assertThat(column("select count() from tags where tag = 't' and usn = -1")).containsExactly(1L);
    col.read(c -> {
      assertThat(c.config().getLong("nextPos", 0)).isEqualTo(2);
      assertThat(c.config().getLong("curModel", 0)).isEqualTo(nt.id());
      assertThat(c.config().getLong("_nt_" + nt.id() + "_lastDeck", 0)).isEqualTo(deck);
      assertThat(c.config().getLong("_deck_" + deck + "_lastNotetype", 0)).isEqualTo(nt.id());
      return null;
    });
    Note second = add("Basic", 1, "c", "d");
    assertThat(second.id()).isEqualTo(note.id() + 1);
    assertThat(column("select due from cards where nid = ?", second.id())).containsExactly(2L);
  }

  @Test
  void templateTargetDeckOverridesTheChosenDeck() {
    long target = write(c -> {
      long did = c.decks().idForName("Target");
      Notetype nt = c.notetypes().byName("Basic (and reversed card)").orElseThrow();
      List<Notetype.Template> templates = new ArrayList<>(nt.templates());
      Notetype.Template reverse = templates.get(1);
      templates.set(1, new Notetype.Template(reverse.ord(), reverse.name(), reverse.mtimeSecs(), reverse.usn(),
          reverse.config().toBuilder().setTargetDeckId(did).build()));
      c.notetypes().update(new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), templates));
      return did;
    });
    Note note = add("Basic (and reversed card)", 1, "a", "b");
    assertThat(column("select did from cards where nid = ? order by ord", note.id())).containsExactly(1L, target);
  }

  @Test
  void editingAddsMissingCardsInTheNotesDeckWithItsPositionAndNeverRemovesCards() {
    long deck = write(c -> c.decks().idForName("D"));
    Note note = add("Basic (optional reversed card)", deck, "f", "b", "");
    write(c -> c.notes().update(note.withFields(List.of("f", "b", "yes"))));
    assertThat(column("select ord from cards where nid = ? order by ord", note.id())).containsExactly(0L, 1L);
    assertThat(column("select did from cards where nid = ?", note.id())).containsOnly(deck);
    assertThat(column("select due from cards where nid = ?", note.id())).containsOnly(1L);
    write(c -> c.notes().update(c.notes().require(note.id()).withFields(List.of("f", "b", ""))));
    assertThat(column("select count() from cards where nid = ?", note.id())).containsExactly(2L);
  }

  @Test
  void anUnchangedNoteIsNotSaved() {
    Note note = add("Basic", 1, "f", "b");
    long colMod = col.read(c -> c.db().queryLong("select mod from col", 0));
    Note same = write(c -> c.notes().update(note.withTags(List.of("T"))));
    Note stored = col.read(c -> c.notes().require(note.id()));
    assertThat((Object) same).isEqualTo(stored);
    long colModAfter = col.read(c -> c.db().queryLong("select mod from col", 0));
    assertThat(colModAfter).isEqualTo(colMod);
  }

  @Test
  void fieldsCheckGivesAnkisStates() {
    add("Basic", 1, "<b>dup</b>", "");
    add("Cloze", 1, "{{c1::x}}", "");
    col.read(c -> {
      Notes notes = c.notes();
      Notetype basic = c.notetypes().byName("Basic").orElseThrow();
      Notetype reversed = c.notetypes().byName("Basic (and reversed card)").orElseThrow();
      Notetype cloze = c.notetypes().byName("Cloze").orElseThrow();
      assertThat(notes.fieldsCheck(notes.draft(basic, List.of(" <br> ", "x"), List.of()))).isEqualTo(NoteFieldsState.EMPTY);
      assertThat(notes.fieldsCheck(notes.draft(basic, List.of("dup", ""), List.of()))).isEqualTo(NoteFieldsState.DUPLICATE);
      assertThat(notes.fieldsCheck(notes.draft(reversed, List.of("dup", ""), List.of()))).isEqualTo(NoteFieldsState.NORMAL);
      assertThat(notes.fieldsCheck(notes.draft(basic, List.of("{{c1::a}}", ""), List.of())))
          .isEqualTo(NoteFieldsState.NOTETYPE_NOT_CLOZE);
      assertThat(notes.fieldsCheck(notes.draft(cloze, List.of("plain", ""), List.of())))
          .isEqualTo(NoteFieldsState.MISSING_CLOZE);
      assertThat(notes.fieldsCheck(notes.draft(cloze, List.of("{{c1::a}}", "{{c2::b}}"), List.of())))
          .isEqualTo(NoteFieldsState.FIELD_NOT_CLOZE);
      assertThat(notes.fieldsCheck(notes.draft(cloze, List.of("{{c1::x}}", ""), List.of())))
          .isEqualTo(NoteFieldsState.DUPLICATE);
      return null;
    });
  }

  @Test
  void deletingANoteDeletesItsCardsAndLeavesGraves() {
    Note note = add("Basic (and reversed card)", 1, "a", "b");
    List<Long> cards = column("select id from cards where nid = ?", note.id());
    write(c -> {
      c.notes().delete(List.of(note.id(), 12345L));
      return null;
    });
    assertThat(column("select count() from notes")).containsExactly(0L);
    assertThat(column("select oid from graves where type = 0 order by oid")).isEqualTo(cards);
    assertThat(column("select oid from graves where type = 1")).containsExactly(note.id());
  }

  @Test
  void addingTenThousandNotes() {
    Notetype basic = col.read(c -> c.notetypes().byName("Basic").orElseThrow());
    long start = System.nanoTime();
    write(c -> {
      for (int i = 0; i < 10_000; i++) {
        Note draft = c.notes().draft(basic, List.of("front " + i, "back"), List.of("bulk"));
        if (c.notes().fieldsCheck(draft) == NoteFieldsState.NORMAL) c.notes().add(draft, 1);
      }
      return null;
    });
    System.out.printf("added 10,000 notes through the engine in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    assertThat(column("select count() from cards")).containsExactly(10_000L);
  }
}
