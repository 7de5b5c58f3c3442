package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.server.Main;
import ankid.server.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ankid import} and {@code ankid export}, on a collection here or through a running server. */
class PackageCommandsTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run ankid(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString().trim(), err.toString().trim());
  }

  private Path base(String name) {
    return tmp.resolve(name);
  }

  private void addNote(String base, String deck, String front) {
    try (Collection col = Collection.open(base(base).resolve("User 1/collection.anki2"), Clock.systemDefaultZone())) {
      col.write(c -> c.notes().add(c.notes().draft(c.notetypes().byName("Basic").orElseThrow(),
          List.of(front, ""), List.of()), c.decks().idForName(deck)));
    }
  }

  private long notes(String base) {
    try (Collection col = Collection.open(base(base).resolve("User 1/collection.anki2"), Clock.systemDefaultZone())) {
      return col.db().queryLong("select count() from notes", 0);
    }
  }

  @Test
  void exportsADeckAndImportsItElsewhere() {
    addNote("a", "French", "bonjour");
    addNote("a", "German", "hallo");
    Path pkg = tmp.resolve("french.apkg");

    Run export = ankid("export", "--base", base("a").toString(), "--deck", "French", pkg.toString());
    Run imported = ankid("import", "--base", base("b").toString(), pkg.toString());

    assertThat(export.exit()).isZero();
    assertThat(export.out()).isEqualTo("exported 1 note, 1 card and 0 media files to " + pkg + " (" + pkg.toFile().length()
        + " bytes)");
    assertThat(imported.exit()).isZero();
    assertThat(imported.out()).isEqualTo(pkg + ": 1 note found in file: 1 new, 0 updated, 0 already present");
    assertThat(notes("b")).isEqualTo(1);
  }

  @Test
  void exportsTheWholeCollectionInTheLegacyFormat() throws Exception {
    addNote("a", "French", "bonjour");
    addNote("a", "German", "hallo");
    Path pkg = tmp.resolve("all.apkg");

    Run export = ankid("export", "--base", base("a").toString(), "--legacy", "--no-media", pkg.toString());

    assertThat(export.exit()).isZero();
    assertThat(export.out()).startsWith("exported 2 notes, 2 cards and 0 media files");
    try (var zip = new java.util.zip.ZipFile(pkg.toFile())) {
      assertThat(zip.getEntry("collection.anki21")).isNotNull();
    }
  }

  @Test
  void aColpkgReplacesTheCollectionAfterABackup() throws Exception {
    addNote("a", "French", "bonjour");
    addNote("b", "Mine", "goes away");
    Path colpkg = tmp.resolve("all.colpkg");
    assertThat(ankid("export", "--base", base("a").toString(), "--colpkg", colpkg.toString()).exit()).isZero();

    Run imported = ankid("import", "--base", base("b").toString(), colpkg.toString());

    assertThat(imported.exit()).isZero();
    assertThat(imported.out()).startsWith(colpkg + ": replaced the collection: 1 note, 0 media files restored;");
    assertThat(notes("b")).isEqualTo(1);
    try (Stream<Path> backups = Files.list(base("b").resolve("User 1/backups"))) {
      assertThat(backups).hasSize(1);
    }
  }

  @Test
  void asksTheServerThatHoldsTheCollection() throws Exception {
    addNote("a", "French", "bonjour");
    Path pkg = tmp.resolve("french.apkg");
    ankid("export", "--base", base("a").toString(), "--deck", "French", pkg.toString());
    try (TestServer server = new TestServer(base("b"))) {
      RunningServer.publish(base("b").resolve("User 1"), server.uri(), null);

      Run imported = ankid("import", "--base", base("b").toString(), pkg.toString());
      Run exported = ankid("export", "--base", base("b").toString(), "--deck", "French", "--with-scheduling",
          tmp.resolve("again.apkg").toString());

      assertThat(imported.out()).isEqualTo(pkg + ": 1 note found in file: 1 new, 0 updated, 0 already present");
      assertThat(server.result("findNotes", "{\"query\": \"bonjour\"}")).hasSize(1);
      assertThat(exported.exit()).isZero();
      assertThat(exported.out()).startsWith("exported 1 note, 1 card and 0 media files to " + tmp.resolve("again.apkg"));
    }
  }

  @Test
  void anUnknownDeckFails() {
    addNote("a", "French", "bonjour");

    Run export = ankid("export", "--base", base("a").toString(), "--deck", "Spanish", tmp.resolve("x.apkg").toString());

    assertThat(export.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(export.err()).isEqualTo("ankid: no deck named Spanish");
  }

  @Test
  void aBadPackageFailsWithAnkisMessage() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.apkg"), "not a zip");

    Run imported = ankid("import", "--base", base("b").toString(), bad.toString());

    assertThat(imported.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(imported.err()).startsWith("ankid: The provided file is not a valid .apkg file.");
  }

  @Test
  void aColpkgCannotBeLimitedToADeck() {
    Run export = ankid("export", "--base", base("a").toString(), "--colpkg", "--deck", "French",
        tmp.resolve("x.colpkg").toString());

    assertThat(export.exit()).isEqualTo(ExitCodes.USAGE);
  }
}
