package ankid.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packages both ways between ankid and the real engine, for every layout and option: what the real
 * engine imports from ankid's export equals what it imports from its own export of the same
 * collection (notes, cards, decks, notetypes, media, and reviews when scheduling is included), and
 * ankid importing the real engine's export ends like the real engine's own import of it.
 */
class PackageRoundTripOracleTest {
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

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String source : List.of("spanish", "legacy2", "media")) {
      for (boolean legacy : List.of(false, true)) {
        for (boolean scheduling : List.of(false, true)) out.add(Arguments.of(source, legacy, scheduling, null));
      }
    }
    out.add(Arguments.of("legacy1", false, true, "Vocabulaire japonais"));
    out.add(Arguments.of("legacy1", true, false, "Vocabulaire japonais::02 - Je suis français(e)"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} legacy={1} scheduling={2} deck={3}")
  @MethodSource("cases")
  void theRealEngineImportsAnkidsExportAsItsOwn(String source, boolean legacy, boolean scheduling, String deck)
      throws IOException {
    Path collection = source(source);
    Path ours = tmp.resolve("ankid.apkg");
    try (Collection col = Collection.open(copy(collection, "ankid-source"), Clock.systemDefaultZone())) {
      Long deckId = deck == null ? null : col.decks().byName(deck).orElseThrow().id();
      Packages.exportApkg(col, ours, new ExportOptions(deckId, scheduling, scheduling, true, legacy), Progress.NONE);
    }
    Path theirs = oracleExport(collection, legacy, scheduling, deck);
    Path base = emptyCollection();
    Path fromOurs = oracleImport(base, ours, "from-ankid");
    Path fromTheirs = oracleImport(base, theirs, "from-anki");
    assertSameContent(fromTheirs, fromOurs, scheduling);
    assertThat(media(fromOurs)).isEqualTo(media(fromTheirs));
    assertThat(oracle.call("check", fromOurs.toString()).ok().get("problems")).isEmpty();
  }

  @ParameterizedTest(name = "{0} legacy={1} scheduling={2} deck={3}")
  @MethodSource("cases")
  void ankidImportsTheRealEnginesExportAsItDoes(String source, boolean legacy, boolean scheduling, String deck)
      throws IOException {
    Path theirs = oracleExport(source(source), legacy, scheduling, deck);
    Path base = emptyCollection();
    Path anki = oracleImport(base, theirs, "anki");
    Path ankid = copy(base, "ankid");
    try (Collection col = Collection.open(ankid, Clock.systemDefaultZone())) {
      Packages.importApkg(col, theirs, ImportOptions.ANKICONNECT, Progress.NONE);
    }
    assertSameContent(anki, ankid, true);
    assertThat(media(ankid)).isEqualTo(media(anki));
    assertThat(oracle.call("check", ankid.toString()).ok().get("problems")).isEmpty();
  }

  private void assertSameContent(Path expected, Path actual, boolean scheduling) {
    List<String> queries = new ArrayList<>(List.of(CollectionDump.NOTES, CollectionDump.CARDS, CollectionDump.DECKS,
        CollectionDump.NOTETYPES));
    if (scheduling) queries.add(CollectionDump.REVLOG);
    for (String q : queries) {
      assertThat(CollectionDump.rows(oracle, actual, q)).as(q).isEqualTo(CollectionDump.rows(oracle, expected, q));
    }
  }

  private Path source(String name) throws IOException {
    Path dir = tmp.resolve("source-" + name);
    return switch (name) {
      case "spanish" -> SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", dir);
      case "legacy2" -> SharedFiles.unpackCollection("legacy2-anki21-collection.colpkg", dir);
      case "legacy1" -> SharedFiles.unpackCollection("legacy1-anki2-collection.colpkg", dir);
      case "media" -> {
        Path file = dir.resolve("collection.anki2");
        Path pkg = tmp.resolve("legacy-media.apkg");
        Files.copy(SharedFiles.fixture("legacy-media.apkg"), pkg);
        try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
          Packages.importApkg(col, pkg, ImportOptions.DEFAULTS, Progress.NONE);
        }
        yield file;
      }
      default -> throw new IllegalArgumentException(name);
    };
  }

  private Path oracleExport(Path collection, boolean legacy, boolean scheduling, String deck) {
    Path out = tmp.resolve("anki-" + System.nanoTime() + ".apkg");
    List<String> args = new ArrayList<>(List.of("export-apkg", collection.toString(), out.toString(), "--with-media"));
    if (legacy) args.add("--legacy");
    if (scheduling) args.add("--with-scheduling");
    if (deck != null) {
      args.add("--deck");
      args.add(deck);
    }
    oracle.call(args.toArray(String[]::new)).ok();
    return out;
  }

  private Path oracleImport(Path base, Path pkg, String name) throws IOException {
    Path target = copy(base, name);
    oracle.call("import-apkg", target.toString(), pkg.toString(), "--in-place").ok();
    return target;
  }

  private Path emptyCollection() {
    Path file = tmp.resolve("base-" + System.nanoTime() + "/collection.anki2");
    Collection.open(file, Clock.systemDefaultZone()).close();
    return file;
  }

  private Path copy(Path collection, String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name + "-" + System.nanoTime()));
    Path out = dir.resolve("collection.anki2");
    Files.copy(collection, out);
    Path media = Collection.mediaFolderFor(collection);
    if (Files.isDirectory(media)) {
      Path target = Files.createDirectories(Collection.mediaFolderFor(out));
      try (Stream<Path> files = Files.list(media)) {
        for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return out;
  }

  /** File name → SHA-1 of the collection's media folder. */
  private static Map<String, String> media(Path collection) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path folder = Collection.mediaFolderFor(collection);
    if (!Files.isDirectory(folder)) return out;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          out.put(f.getFileName().toString(), HexFormat.of().formatHex(MediaUseMap.digest(in)));
        }
      }
    }
    return out;
  }
}
