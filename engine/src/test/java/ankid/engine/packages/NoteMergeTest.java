package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.importInto;
import static ankid.engine.packages.TestCollections.setFields;
import static ankid.engine.packages.TestCollections.setNoteMtime;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes are matched by guid (rslib import/notes.rs): added, updated when newer, else duplicates. */
class NoteMergeTest extends MergeTestBase {
  @Test
  void aNewNoteKeepsItsIdGuidAndMtime() {
    Note note = addBasic(source, "front", "back");
    setNoteMtime(source, note.id(), 1_600_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source));

    Note imported = target.notes().require(note.id());
    assertThat(log.added()).isEqualTo(1);
    assertThat(imported.guid()).isEqualTo(note.guid());
    assertThat(imported.mtimeSecs()).isEqualTo(1_600_000_000L);
    assertThat(imported.usn()).isEqualTo(-1);
    assertThat(imported.fields()).containsExactly("front", "back");
  }

  @Test
  void aNoteWhoseIdIsTakenMovesOnBy999() {
    Note note = addBasic(source, "incoming", "");
    Note occupant = addBasic(target, "already here", "");
    target.write(c -> c.db().exec("update notes set id = ? where id = ?", note.id(), occupant.id()));

    importInto(target, collections.exportAll(source));

    assertThat(target.notes().require(note.id() + 999).fields()).containsExactly("incoming", "");
    assertThat(target.notes().require(note.id()).fields()).containsExactly("already here", "");
  }

  @Test
  void aKnownNoteThatIsNotNewerIsADuplicate() {
    Note note = addBasic(source, "original", "");
    importInto(target, collections.exportAll(source));
    setFields(target, note.id(), "edited here", "");
    setNoteMtime(target, note.id(), 2_000_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source));

    assertThat(log.duplicate()).isEqualTo(1);
    assertThat(log.notes(ImportLog.Category.DUPLICATE)).extracting(ImportLog.LogNote::id).containsExactly(note.id());
    assertThat(target.notes().require(note.id()).fields()).containsExactly("edited here", "");
  }

  @Test
  void aKnownNoteThatIsNewerIsUpdatedKeepingItsMtime() {
    Note note = addBasic(source, "v1", "");
    setNoteMtime(source, note.id(), 1_600_000_000L);
    importInto(target, collections.exportAll(source));
    setFields(source, note.id(), "v2", "");
    setNoteMtime(source, note.id(), 1_700_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source));

    assertThat(log.updated()).isEqualTo(1);
    Note updated = target.notes().require(note.id());
    assertThat(updated.fields()).containsExactly("v2", "");
    assertThat(updated.mtimeSecs()).isEqualTo(1_700_000_000L);
  }

  @Test
  void updateNeverKeepsTheNoteHere() {
    Note note = addBasic(source, "v1", "");
    setNoteMtime(source, note.id(), 1_600_000_000L);
    importInto(target, collections.exportAll(source));
    setFields(source, note.id(), "v2", "");
    setNoteMtime(source, note.id(), 1_700_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source),
        ImportOptions.DEFAULTS.withUpdateNotes(ImportOptions.UpdateCondition.NEVER));

    assertThat(log.duplicate()).isEqualTo(1);
    assertThat(target.notes().require(note.id()).fields()).containsExactly("v1", "");
  }

  @Test
  void updateAlwaysTakesAnOlderIncomingNote() {
    Note note = addBasic(source, "old", "");
    setNoteMtime(source, note.id(), 1_600_000_000L);
    importInto(target, collections.exportAll(source));
    setFields(target, note.id(), "newer here", "");
    setNoteMtime(target, note.id(), 1_700_000_000L);

    ImportLog log = importInto(target, collections.exportAll(source),
        ImportOptions.DEFAULTS.withUpdateNotes(ImportOptions.UpdateCondition.ALWAYS));

    assertThat(log.updated()).isEqualTo(1);
    assertThat(target.notes().require(note.id()).fields()).containsExactly("old", "");
  }

  @Test
  void updatedNotesTakeTheIncomingTags() {
    Note note = addBasic(source, "front", "");
    setNoteMtime(source, note.id(), 1_600_000_000L);
    importInto(target, collections.exportAll(source));
    source.write(c -> c.notes().update(c.notes().require(note.id()).withTags(List.of("Vocab::Verbs"))));
    setNoteMtime(source, note.id(), 1_700_000_000L);

    importInto(target, collections.exportAll(source));

    assertThat(target.notes().require(note.id()).tags()).containsExactly("Vocab::Verbs");
    assertThat(target.tags().all()).contains("Vocab::Verbs");
  }

  @Test
  void reimportingAPackageChangesNothing() {
    addBasic(source, "a", "b");
    addBasic(source, "c", "d");
    Path pkg = collections.exportAll(source);
    importInto(target, pkg);
    String notes = target.db().query("select group_concat(id || guid || mod || usn || flds, '|') from notes",
        rs -> rs.getString(1)).get(0);

    ImportLog log = importInto(target, pkg);

    assertThat(log.duplicate()).isEqualTo(2);
    assertThat(target.db().query("select group_concat(id || guid || mod || usn || flds, '|') from notes",
        rs -> rs.getString(1)).get(0)).isEqualTo(notes);
    assertThat(target.db().queryLong("select count() from cards", 0)).isEqualTo(2);
  }
}
