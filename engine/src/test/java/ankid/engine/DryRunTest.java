package ankid.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.storage.RowChanges;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dry run counts what work would change and leaves the collection as it was. */
class DryRunTest {
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

  private Note addReversed(Collection c, String front) {
    Notetype nt = c.notetypes().byName("Basic (and reversed card)").orElseThrow();
    return c.notes().add(c.notes().draft(nt, List.of(front, "back"), List.of("t")), 1);
  }

  private long count(String table) {
    return col.read(c -> c.db().queryLong("select count() from " + table, 0));
  }

  @Test
  void countsInsertedRowsAndRollsThemBack() {
    Collection.DryRun<Note> run = col.dryRun(c -> addReversed(c, "front"));
    assertThat(run.changes().of("notes")).isEqualTo(new RowChanges.Counts(1, 0, 0));
    assertThat(run.changes().of("cards")).isEqualTo(new RowChanges.Counts(2, 0, 0));
    assertThat(count("notes")).isZero();
    assertThat(count("cards")).isZero();
  }

  @Test
  void anEditSavedByInsertOrReplaceCountsAsAnUpdate() {
    Note note = col.write(c -> addReversed(c, "front"));
    Collection.DryRun<Note> run = col.dryRun(c -> c.notes().update(note.withFields(List.of("changed", "back"))));
    assertThat(run.changes().of("notes")).isEqualTo(new RowChanges.Counts(0, 1, 0));
    List<String> fields = col.read(c -> c.notes().require(note.id()).fields());
    assertThat(fields).containsExactly("front", "back");
  }

  @Test
  void countsDeletionsAndLeavesNoGraves() {
    Note note = col.write(c -> addReversed(c, "front"));
    long modBefore = col.read(c -> c.db().queryLong("select mod from col", 0));
    Collection.DryRun<Void> run = col.dryRun(c -> {
      c.notes().delete(List.of(note.id()));
      return null;
    });
    assertThat(run.changes().of("notes").deleted()).isEqualTo(1);
    assertThat(run.changes().of("cards").deleted()).isEqualTo(2);
    assertThat(count("notes")).isEqualTo(1);
    assertThat(count("cards")).isEqualTo(2);
    assertThat(count("graves")).isZero();
    long modAfter = col.read(c -> c.db().queryLong("select mod from col", 0));
    assertThat(modAfter).isEqualTo(modBefore);
  }

  @Test
  void recordsWhichNotesAndCardsWereTouchedAndTheirDecks() {
    Note note = col.write(c -> addReversed(c, "front"));
    long other = col.write(c -> c.decks().idForName("Other"));
    List<Long> cards = col.read(c -> c.notes().cardIds(note.id()));
    Collection.DryRun<Void> run = col.dryRun(c -> {
      c.cards().setDeck(List.of(cards.get(0)), other);
      return null;
    });
    assertThat(run.changes().cards()).isEqualTo(new RowChanges.Touched(1, List.of(cards.get(0))));
    assertThat(run.changes().notes().count()).isZero();
    assertThat(run.changes().cardsPerDeck()).containsExactlyEntriesOf(java.util.Map.of(1L, 1));
  }

  @Test
  void nestedWritesInsideTheDryRunAreRolledBackToo() {
    col.dryRun(c -> c.write(inner -> addReversed(inner, "front")));
    assertThat(count("notes")).isZero();
  }

  @Test
  void aFailureRollsBackAndPropagates() {
    assertThatThrownBy(() -> col.dryRun(c -> {
      addReversed(c, "front");
      throw new AnkiException("no");
    })).hasMessage("no");
    assertThat(count("notes")).isZero();
  }

  @Test
  void repeatedDryRunsStartFromZero() {
    col.dryRun(c -> addReversed(c, "one"));
    Collection.DryRun<Note> second = col.dryRun(c -> addReversed(c, "two"));
    assertThat(second.changes().of("notes").inserted()).isEqualTo(1);
  }

  @Test
  void theSchemaIsUnchangedAfterwards() {
    String schema = "select group_concat(name) from (select name from sqlite_master order by name)";
    String before = col.read(c -> c.db().queryOne(schema, rs -> rs.getString(1)).orElseThrow());
    col.dryRun(c -> addReversed(c, "front"));
    String after = col.read(c -> c.db().queryOne(schema, rs -> rs.getString(1)).orElseThrow());
    long tempObjects = col.read(c -> c.db().queryLong("select count() from sqlite_temp_master", 0));
    assertThat(after).isEqualTo(before);
    assertThat(tempObjects).isZero();
  }
}
