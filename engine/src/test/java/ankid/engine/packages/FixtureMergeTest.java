package ankid.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anki's own import test packages (pylib/tests/support), imported one after the other. */
class FixtureMergeTest {
  @TempDir Path tmp;
  private Collection col;

  @BeforeEach
  void open() {
    SharedFiles.require();
    col = Collection.open(tmp.resolve("c/collection.anki2"), Clock.systemDefaultZone());
  }

  @AfterEach
  void close() {
    if (col != null) col.close();
  }

  private ImportLog importFixture(String name) throws IOException {
    Path pkg = tmp.resolve(name);
    if (!Files.exists(pkg)) Files.copy(SharedFiles.fixture(name), pkg);
    return Packages.importApkgWithDetails(col, pkg, ImportOptions.ANKICONNECT, Progress.NONE);
  }

  @Test
  void anUpdatedDeckUpdatesExactlyTheNewerNotes() throws IOException {
    importFixture("legacy-update1.apkg");

    ImportLog log = importFixture("legacy-update2.apkg");

    assertThat(log.updated()).isEqualTo(1);
    assertThat(log.notes(ImportLog.Category.UPDATED).get(0).fields()).containsExactly("goodbye", "world");
    assertThat(importFixture("legacy-update2.apkg").duplicate()).isEqualTo(1);
  }

  @Test
  void anOlderVersionOfADeckChangesNothing() throws IOException {
    importFixture("legacy-update2.apkg");

    ImportLog log = importFixture("legacy-update1.apkg");

    assertThat(log.duplicate()).isEqualTo(1);
    assertThat(col.db().queryOne("select flds from notes", rs -> rs.getString(1)).orElseThrow())
        .isEqualTo("goodbye\u001fworld");
  }

  @Test
  void aNoteWhoseNotetypeChangedLayoutIsNotImportedAgain() throws IOException {
    importFixture("legacy-diffmodels2-1.apkg");

    ImportLog log = importFixture("legacy-diffmodels2-2.apkg");

    assertThat(log.conflicting()).isEqualTo(1);
    assertThat(col.db().queryLong("select count() from notes", 0)).isEqualTo(1);
  }

  @Test
  void aNewerNotetypeOfTheSameLayoutReplacesTheTemplates() throws IOException {
    importFixture("legacy-diffmodeltemplates-1.apkg");

    ImportLog log = importFixture("legacy-diffmodeltemplates-2.apkg");

    assertThat(log.duplicate()).isEqualTo(1);
    assertThat(col.notetypes().get(1403973847422L).orElseThrow().templates().get(0).config().getQFormat())
        .isEqualTo("Changed Front Template\n{{Front}}");
  }
}
