package ankid.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ankid imports every real package in ../shared/fixtures as the real engine does: the same
 * notes, cards and reviews as {@code anki-oracle import-apkg} of the same file into the same
 * collection, and Check Database finds nothing. Anki 2.1.66 always imported scheduling and presets,
 * so ankid imports with both here.
 */
class ApkgImportOracleTest {
  private static Oracle.Batch oracle;
  @TempDir Path tmp;

  @BeforeAll
  static void startOracle() {
    SharedFiles.require();
    oracle = Oracle.batch();
  }

  @AfterAll
  static void stopOracle() {
    if (oracle != null) oracle.close();
  }

  static Stream<String> fixtures() throws IOException {
    if (!SharedFiles.present()) return Stream.of("skipped");
    try (Stream<Path> files = Files.list(SharedFiles.root().resolve("fixtures"))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".apkg") || n.endsWith(".colpkg")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void importsLikeTheRealEngine(String fixture) throws IOException {
    Path pkg = copyFixture(fixture);
    Path base = emptyCollection("base");
    Path anki = copy(base, "anki");
    Path ankid = copy(base, "ankid");
    oracle.call("import-apkg", anki.toString(), pkg.toString(), "--in-place").ok();
    try (Collection col = Collection.open(ankid, Clock.systemDefaultZone())) {
      Packages.importApkg(col, pkg, ImportOptions.ANKICONNECT, Progress.NONE);
    }
    assertSameContent(anki, ankid);
    assertThat(oracle.call("check", ankid.toString()).ok().get("problems")).isEmpty();
  }

  private void assertSameContent(Path anki, Path ankid) {
    for (String q : List.of(CollectionDump.NOTES, CollectionDump.CARDS, CollectionDump.REVLOG, CollectionDump.DECKS,
        CollectionDump.NOTETYPES)) {
      assertThat(CollectionDump.rows(oracle, ankid, q)).as(q).isEqualTo(CollectionDump.rows(oracle, anki, q));
    }
  }

  private Path copyFixture(String name) throws IOException {
    Path out = tmp.resolve(name);
    Files.copy(SharedFiles.fixture(name), out);
    return out;
  }

  private Path emptyCollection(String name) {
    Path file = tmp.resolve(name + "/collection.anki2");
    Collection.open(file, Clock.systemDefaultZone()).close();
    return file;
  }

  private Path copy(Path collection, String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path out = dir.resolve("collection.anki2");
    Files.copy(collection, out);
    return out;
  }
}
