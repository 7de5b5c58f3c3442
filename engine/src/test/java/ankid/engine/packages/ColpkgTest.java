package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.readMedia;
import static ankid.engine.packages.TestCollections.writeMedia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-collection packages: export, replace, backups (rslib package/colpkg/, collection/backup.rs). */
class ColpkgTest {
  @TempDir Path tmp;

  private Path targetFile() {
    return tmp.resolve("profile/collection.anki2");
  }

  private void replaceWith(Path colpkg) {
    Path file = targetFile();
    try (ColpkgImport prepared = Packages.prepareColpkgImport(colpkg, file, Collection.mediaFolderFor(file),
        Clock.systemDefaultZone(), Progress.NONE)) {
      prepared.install(file);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theRealEngineReadsTheWholeCollectionBack(boolean legacy) throws IOException {
    SharedFiles.require();
    Path source = SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", tmp.resolve("source"));
    Path colpkg = tmp.resolve("all.colpkg");
    try (Collection col = Collection.open(source, Clock.systemDefaultZone())) {
      Packages.exportColpkg(col, colpkg, true, legacy, Progress.NONE);
    }
    try (Oracle.Batch oracle = Oracle.batch()) {
      Path unpacked = Path.of(oracle.call("unpack-apkg", colpkg.toString(), tmp.resolve("unpacked").toString()).ok()
          .get("collection").asText());
      assertThat(oracle.call("check", unpacked.toString()).ok().get("problems")).isEmpty();
      for (String q : List.of(CollectionDump.NOTES, CollectionDump.CARDS, CollectionDump.REVLOG, CollectionDump.DECKS,
          CollectionDump.NOTETYPES)) {
        assertThat(CollectionDump.rows(oracle, unpacked, q)).as(q).isEqualTo(CollectionDump.rows(oracle, source, q));
      }
    }
  }

  @Test
  void replacingBringsTheCollectionAndItsMedia() {
    Path colpkg = tmp.resolve("all.colpkg");
    long noteId;
    try (Collection source = Collection.open(tmp.resolve("source/collection.anki2"), Clock.systemDefaultZone())) {
      writeMedia(source, "cat.jpg", "meow");
      noteId = addBasic(source, "<img src=\"cat.jpg\">", "").id();
      Packages.exportColpkg(source, colpkg, true, Progress.NONE);
    }
    Collection.open(targetFile(), Clock.systemDefaultZone()).close();

    replaceWith(colpkg);

    try (Collection col = Collection.open(targetFile(), Clock.systemDefaultZone())) {
      assertThat(col.notes().require(noteId).fields().get(0)).isEqualTo("<img src=\"cat.jpg\">");
      assertThat(readMedia(col, "cat.jpg")).isEqualTo("meow");
    }
  }

  @Test
  void aDifferentFileOfTheSameNameIsReplacedOnlyWhenTheCollectionIs() throws IOException {
    Path colpkg = tmp.resolve("all.colpkg");
    try (Collection source = Collection.open(tmp.resolve("source/collection.anki2"), Clock.systemDefaultZone())) {
      writeMedia(source, "cat.jpg", "meow");
      addBasic(source, "<img src=\"cat.jpg\">", "");
      Packages.exportColpkg(source, colpkg, true, Progress.NONE);
    }
    try (Collection col = Collection.open(targetFile(), Clock.systemDefaultZone())) {
      writeMedia(col, "cat.jpg", "woof");
    }
    Path mediaFolder = Collection.mediaFolderFor(targetFile());

    try (ColpkgImport prepared = Packages.prepareColpkgImport(colpkg, targetFile(), mediaFolder,
        Clock.systemDefaultZone(), Progress.NONE)) {
      assertThat(Files.readString(mediaFolder.resolve("cat.jpg"))).as("before the install").isEqualTo("woof");
    }
    assertThat(Files.readString(mediaFolder.resolve("cat.jpg"))).as("abandoned").isEqualTo("woof");
    try (Stream<Path> files = Files.list(mediaFolder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cat.jpg");
    }

    replaceWith(colpkg);

    assertThat(Files.readString(mediaFolder.resolve("cat.jpg"))).isEqualTo("meow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy1-anki2-collection.colpkg", "legacy2-anki21-collection.colpkg"})
  void anOldCollectionPackageReplacesTheCollectionAndForcesAFullSync(String fixture) throws IOException {
    SharedFiles.require();
    Path colpkg = tmp.resolve(fixture);
    Files.copy(SharedFiles.fixture(fixture), colpkg);
    Path unpacked = SharedFiles.unpackCollection(fixture, tmp.resolve("unpacked"));
    long before = System.currentTimeMillis();

    replaceWith(colpkg);

    try (Oracle.Batch oracle = Oracle.batch()) {
      assertThat(oracle.call("check", targetFile().toString()).ok().get("problems")).isEmpty();
      for (String q : List.of(CollectionDump.NOTES, CollectionDump.CARDS, CollectionDump.REVLOG)) {
        assertThat(CollectionDump.rows(oracle, targetFile(), q)).as(q)
            .isEqualTo(CollectionDump.rows(oracle, unpacked, q));
      }
    }
    try (Collection col = Collection.open(targetFile(), Clock.systemDefaultZone())) {
      assertThat(col.db().queryLong("select scm from col", 0)).isGreaterThanOrEqualTo(before);
    }
  }

  @Test
  void aBrokenPackageLeavesTheCollectionAndNoTemporaryFiles() throws IOException {
    try (Collection col = Collection.open(targetFile(), Clock.systemDefaultZone())) {
      addBasic(col, "mine", "");
    }
    byte[] before = Files.readAllBytes(targetFile());
    Path broken = Files.writeString(tmp.resolve("broken.colpkg"), "no zip");

    assertThatThrownBy(() -> replaceWith(broken)).isInstanceOf(PackageException.class);

    assertThat(Files.readAllBytes(targetFile())).isEqualTo(before);
    try (Stream<Path> files = Files.list(targetFile().getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("collection.anki2");
    }
  }

  @Test
  void aBackupIsAColpkgWithoutMediaNamedAfterTheTime() {
    try (Collection col = Collection.open(targetFile(), Clock.systemDefaultZone())) {
      writeMedia(col, "cat.jpg", "meow");
      addBasic(col, "x", "");

      Path backup = col.backups().createNow().orElseThrow();

      assertThat(backup).hasParent(tmp.resolve("profile/backups"));

      assertThat(backup.getFileName().toString()).matches("backup-\\d{4}-\\d\\d-\\d\\d-\\d\\d\\.\\d\\d\\.\\d\\d\\.colpkg");
      assertThat(Zips.read(backup)).containsKeys("meta", "collection.anki21b", "collection.anki2", "media")
          .doesNotContainKey("0");
    }
  }

  @Test
  void collectionPackagesAreKnownByName() {
    assertThat(Packages.isCollectionPackage(Path.of("a.colpkg"))).isTrue();
    assertThat(Packages.isCollectionPackage(Path.of("collection.apkg"))).isTrue();
    assertThat(Packages.isCollectionPackage(Path.of("backup-2024-01-01-10.00.00.apkg"))).isTrue();
    assertThat(Packages.isCollectionPackage(Path.of("Spanish.apkg"))).isFalse();
  }
}
