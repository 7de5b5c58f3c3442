package ankid.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeEdits;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import ankid.engine.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups as rslib/src/collection/backup.rs makes them: when, where, named how, thinned how. */
class BackupsTest {
  @TempDir Path tmp;
  /**
   * Just after the real time: the minimum interval is measured against the files' creation times,
   * and files created after "now" do not count.
   */
  final TestClock clock = new TestClock(Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
      ZoneId.of("Europe/Berlin"));
  Collection col;
  Path folder;

  @BeforeEach
  void open() {
    col = Collection.open(tmp.resolve("User 1").resolve("collection.anki2"), clock);
    folder = BackupSettings.folderFor(col.path());
    automatic(null, null, null);
  }

  @AfterEach
  void close() {
    col.close();
  }

  private void automatic(Integer daily, Integer weekly, Integer monthly) {
    col.backups().configure(new BackupSettings(folder, true, daily, weekly, monthly, null));
  }

  private long addNote(String front) {
    return col.write(c -> {
      Notetype basic = c.notetypes().byName("Basic").orElseThrow();
      return c.notes().add(c.notes().draft(basic, List.of(front, ""), List.of()), 1).id();
    });
  }

  /** The backup folder's files once the backup being written in the background (if any) is complete. */
  private List<String> files() throws Exception {
    col.backups().awaitCompletion();
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Pretends the collection was synced just now: the next schema change makes the next sync a full one. */
  private void synced() {
    col.write(c -> {
      c.colTable().setLastSync(c.colTable().timestamps().schemaModified() + 1000);
      return null;
    });
  }

  private void removeBackField() {
    col.write(c -> c.notetypes().update(NotetypeEdits.removeField(c.notetypes().byName("Basic").orElseThrow(), 1)));
  }

  @Test
  void aBackupIsAColpkgInTheProfilesBackupFolderNamedAfterTheLocalTime() throws Exception {
    addNote("hello");

    Path backup = col.backups().createNow().orElseThrow();

    assertThat(backup).isEqualTo(tmp.resolve("User 1").resolve("backups")
        .resolve(BackupFile.nameFor(ZonedDateTime.now(clock))));
    assertThat(files()).containsExactly(backup.getFileName().toString());
  }

  @Test
  void anUnchangedCollectionIsNotBackedUpAgain() {
    addNote("hello");
    col.backups().createNow();
    clock.advance(Duration.ofHours(1));

    assertThat(col.backups().createNow()).isEmpty();
  }

  @Test
  void backupsWithinOneSecondKeepTheirOwnFiles() throws Exception {
    addNote("one");
    Path first = col.backups().createNow().orElseThrow();
    clock.advance(Duration.ofMillis(100));
    addNote("two");

    Path second = col.backups().createNow().orElseThrow();

    assertThat(second).isNotEqualTo(first);
    assertThat(files()).hasSize(2);
  }

  @Test
  void periodicBackupsWaitForTheMinimumInterval() throws Exception {
    addNote("one");
    col.backups().maybeBackup(false).orElseThrow().await();
    clock.advance(Duration.ofMinutes(10));
    addNote("two");
    assertThat(col.backups().maybeBackup(false)).isEmpty();

    clock.advance(Duration.ofMinutes(21));
    assertThat(col.backups().maybeBackup(false)).isPresent();
  }

  /** rslib's has_recent_backup looks at the creation time of every file in the folder. */
  @Test
  void anyRecentFileInTheFolderPutsOffAPeriodicBackup() throws Exception {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("notes.txt"), "mine");
    addNote("one");

    assertThat(col.backups().maybeBackup(false)).isEmpty();
    assertThat(col.backups().maybeBackup(true)).isPresent();
  }

  @Test
  void theFolderIsThinnedAfterEachBackup() throws Exception {
    LocalDate today = LocalDate.now(clock);
    Files.createDirectories(folder);
    List<ZonedDateTime> old = List.of(at(today.minusDays(1), 10), at(today.minusDays(3), 10),
        at(today.minusDays(3), 9), at(today.minusDays(10), 10));
    for (ZonedDateTime t : old) Files.writeString(folder.resolve(BackupFile.nameFor(t)), "old");
    Files.writeString(folder.resolve("not-a-backup.colpkg"), "mine");
    automatic(1, 0, 0);
    addNote("one");

    Path made = col.backups().createNow().orElseThrow();

    assertThat(files()).containsExactlyInAnyOrder(made.getFileName().toString(), BackupFile.nameFor(old.get(0)),
        BackupFile.nameFor(old.get(1)), "not-a-backup.colpkg");
  }

  private ZonedDateTime at(LocalDate day, int hour) {
    return day.atTime(hour, 0).atZone(clock.getZone());
  }

  @Test
  void theFirstSchemaChangeSinceASyncIsBackedUpFirstAsItWas() throws Exception {
    addNote("hello");
    synced();

    removeBackField();
    clock.advance(Duration.ofMinutes(1));
    addFieldToCloze();

    List<String> made = files();
    assertThat(made).hasSize(1);
    Path unpacked = unpack(folder.resolve(made.get(0)));
    assertThat(Oracle.run("sql", unpacked.toString(),
        "select count() from fields where ntid = (select id from notetypes where name = 'Basic')").ok()
        .get("rows").get(0).get(0).asInt()).as("Basic's fields in the backup").isEqualTo(2);
  }

  private void addFieldToCloze() {
    col.write(c -> c.notetypes().update(NotetypeEdits.addField(c.notetypes().byName("Cloze").orElseThrow(), "Extra")));
  }

  @Test
  void aSchemaChangeOfACollectionNeverSyncedIsNoFullSyncAndNeedsNoBackup() throws Exception {
    addNote("hello");

    removeBackField();

    assertThat(files()).isEmpty();
  }

  @Test
  void aPreviewOfASchemaChangeIsNotBackedUp() throws Exception {
    addNote("hello");
    synced();

    col.dryRun(c -> c.notetypes().update(NotetypeEdits.removeField(c.notetypes().byName("Basic").orElseThrow(), 1)));

    assertThat(files()).isEmpty();
  }

  @Test
  void backupsOnDemandAreNeverMadeWithoutBeingAskedFor() throws Exception {
    col.backups().configure(new BackupSettings(folder, false, null, null, null, null));
    addNote("hello");
    synced();

    removeBackField();

    assertThat(col.backups().createBeforeChange()).isEmpty();
    assertThat(files()).isEmpty();
    assertThat(col.backups().createNow()).isPresent();
  }

  @Test
  void readsGoOnWhileABackupIsWritten() {
    // 20,000 notes with 3 kB fields: the copy is quick, compressing 60 MB is not
    col.write(c -> c.db().exec("with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)"
        + " insert into notes select 1000000 + i, 'g' || i, (select id from notetypes where name = 'Basic'), 0, -1,"
        + " '', hex(randomblob(1500)) || char(31), 'x', 0, 0, '' from n"));

    PendingBackup pending = col.backups().maybeBackup(true).orElseThrow();
    long notes = col.read(c -> c.db().queryLong("select count() from notes", 0));

    assertThat(pending.written()).as("still being written when the read was answered").isNotDone();
    assertThat(notes).isEqualTo(20000);
    assertThat(pending.await()).exists();
  }

  @Test
  void theRealEngineReadsABackupWhole() throws Exception {
    addNote("hello");
    addNote("world");

    Path unpacked = unpack(col.backups().createNow().orElseThrow());

    assertThat(Oracle.run("check", unpacked.toString()).ok().get("problems")).isEmpty();
    assertThat(Oracle.run("sql", unpacked.toString(), "select count() from notes").ok().get("rows").get(0).get(0)
        .asInt()).isEqualTo(2);
  }

  private Path unpack(Path colpkg) {
    SharedFiles.require();
    Path out = tmp.resolve("unpacked-" + colpkg.getFileName());
    Oracle.run("unpack-apkg", colpkg.toString(), out.toString()).ok();
    return out.resolve("collection.anki2");
  }
}
