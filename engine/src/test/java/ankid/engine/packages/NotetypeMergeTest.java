package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.addNote;
import static ankid.engine.packages.TestCollections.importInto;
import static ankid.engine.packages.TestCollections.setNoteMtime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeEdits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Notetypes are matched by id, never by name (rslib import/notes.rs): a changed layout becomes a
 * copy unless notetypes are merged.
 */
class NotetypeMergeTest extends MergeTestBase {
  private Notetype basic(Collection col) {
    return col.notetypes().byName("Basic").orElseThrow();
  }

  private void addFieldInSource(String name) {
    source.write(c -> c.notetypes().update(NotetypeEdits.addField(basic(c), name)));
  }

  @Test
  void anUnknownNotetypeIsAddedWithItsIdAndANameMadeUnique() {
    addBasic(source, "x", "");
    long id = basic(source).id();

    importInto(target, collections.exportAll(source));

    assertThat(target.notetypes().get(id).orElseThrow().name()).isEqualTo("Basic+");
    assertThat(target.notetypes().get(id).orElseThrow().config().getOriginalId()).isEqualTo(id);
  }

  @Test
  void aNotetypeWithTheSameLayoutIsUpdatedWhenNewer() {
    addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    long id = basic(source).id();
    source.write(c -> c.notetypes().update(NotetypeEdits.withCss(basic(c), ".card { color: red }")));
    source.write(c -> c.db().exec("update notetypes set mtime_secs = mtime_secs + 10 where id = ?", id));

    importInto(target, collections.exportAll(source));

    assertThat(target.notetypes().get(id).orElseThrow().config().getCss()).isEqualTo(".card { color: red }");
  }

  @Test
  void aNotetypeWithTheSameLayoutIsKeptWhenOlder() {
    addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    long id = basic(source).id();
    source.write(c -> c.notetypes().update(NotetypeEdits.withCss(basic(c), ".card { color: red }")));
    target.write(c -> c.db().exec("update notetypes set mtime_secs = 2000000000 where id = ?", id));

    importInto(target, collections.exportAll(source));

    assertThat(target.notetypes().get(id).orElseThrow().config().getCss()).isNotEqualTo(".card { color: red }");
  }

  @Test
  void aChangedLayoutBecomesACopyAndItsNotesAreConflicting() {
    Note note = addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    addFieldInSource("Extra");
    addBasic(source, "new note", "", "extra");
    setNoteMtime(source, note.id(), 2_000_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source));

    assertThat(log.conflicting()).isEqualTo(1);
    assertThat(log.added()).isEqualTo(1);
    assertThat(target.notes().require(note.id()).notetypeId()).isEqualTo(basic(source).id());
    assertThat(target.notetypes().all()).filteredOn(nt -> nt.config().getOriginalId() == basic(source).id()
        && nt.id() != basic(source).id()).singleElement().extracting(Notetype::fieldNames).asList()
        .containsExactly("Front", "Back", "Extra");
  }

  @Test
  void aLaterImportReusesTheCopyOfAChangedLayout() {
    addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    addFieldInSource("Extra");
    addBasic(source, "second", "", "");
    importInto(target, collections.exportAll(source));
    long notetypes = target.notetypes().all().size();
    addBasic(source, "third", "", "");

    ImportLog log = importInto(target, collections.exportAll(source));

    assertThat(log.added()).isEqualTo(1);
    assertThat(target.notetypes().all()).hasSize((int) notetypes);
  }

  @Test
  void mergingWidensTheStoredNotetypeAndMovesItsNotes() {
    Note note = addBasic(source, "x", "y");
    importInto(target, collections.exportAll(source));
    addFieldInSource("Extra");
    source.write(c -> c.notes().update(c.notes().require(note.id()).withFields(java.util.List.of("x", "y", "z"))));
    setNoteMtime(source, note.id(), 2_000_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source), ImportOptions.DEFAULTS.withMergeNotetypes(true));

    assertThat(log.updated()).isEqualTo(1);
    assertThat(target.notetypes().get(basic(source).id()).orElseThrow().fieldNames())
        .containsExactly("Front", "Back", "Extra");
    assertThat(target.notes().require(note.id()).fields()).containsExactly("x", "y", "z");
  }

  @Test
  void mergingFoldsInTheCopyAnEarlierImportMade() {
    addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    addFieldInSource("Extra");
    Note second = addBasic(source, "second", "", "extra");
    importInto(target, collections.exportAll(source));
    int before = target.notetypes().all().size();

    importInto(target, collections.exportAll(source), ImportOptions.DEFAULTS.withMergeNotetypes(true));

    assertThat(target.notetypes().all()).hasSize(before - 1);
    assertThat(target.notes().require(second.id()).notetypeId()).isEqualTo(basic(source).id());
    assertThat(target.notes().require(second.id()).fields()).containsExactly("second", "", "extra");
  }

  @Test
  void aClozeNotetypeCannotMergeWithANormalOne() {
    addBasic(source, "x", "");
    long id = basic(source).id();
    importInto(target, collections.exportAll(source));
    target.write(c -> c.db().exec("update notetypes set config = (select config from notetypes where name = 'Cloze')"
        + " where id = ?", id));

    assertThatThrownBy(() -> importInto(target, collections.exportAll(source),
        ImportOptions.DEFAULTS.withMergeNotetypes(true)))
        .isInstanceOf(PackageException.class)
        .hasMessageStartingWith("Cloze note types cannot be merged with regular note types.");
  }

  @Test
  void notesOfAClozeNotetypeKeepTheirClozeCards() {
    addNote(source, "Cloze", "Default", "{{c1::a}} {{c2::b}}", "");

    importInto(target, collections.exportAll(source));

    assertThat(target.db().queryLongs("select ord from cards order by ord")).containsExactly(0L, 1L);
  }
}
