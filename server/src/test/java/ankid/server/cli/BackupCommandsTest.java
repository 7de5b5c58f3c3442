package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import ankid.server.BrokenProfiles;
import ankid.server.Main;
import ankid.server.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ankid backup} and {@code ankid restore}: backups made into the profile's folder and
 * restored from it, here or through the server that holds the collection.
 */
class BackupCommandsTest {
  @TempDir Path base;

  record Run(int exit, String out, String err) {}

  private Run ankid(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--base";
    all[args.length + 1] = base.toString();
    return new Run(cl.execute(all), out.toString(), err.toString());
  }

  private Path folder() {
    return base.resolve("User 1").resolve("backups");
  }

  private long backups() throws Exception {
    if (!Files.isDirectory(folder())) return 0;
    try (Stream<Path> s = Files.list(folder())) {
      return s.filter(p -> p.getFileName().toString().startsWith("backup-")).count();
    }
  }

  private long notes(TestServer server) throws Exception {
    return server.result("findNotes", "{\"query\": \"\"}").size();
  }

  @Test
  void backupPrintsTheNewBackupInTheProfilesFolder() throws Exception {
    BrokenProfiles.cardWithoutNote(base);

    Run run = ankid("backup");

    assertThat(run.exit()).isEqualTo(ExitCodes.OK);
    Path made = Path.of(run.out().strip());
    assertThat(made.getParent()).isEqualTo(folder());
    assertThat(made.getFileName().toString()).matches("backup-\\d{4}-\\d\\d-\\d\\d-\\d\\d\\.\\d\\d\\.\\d\\d\\.colpkg");
    assertThat(made).isRegularFile();
  }

  @Test
  void checkDatabaseBacksUpFirst() throws Exception {
    BrokenProfiles.cardWithoutNote(base);

    ankid("check");

    assertThat(backups()).isEqualTo(1);
  }

  @Test
  void backupThroughTheServerThatHoldsTheCollection() throws Exception {
    try (TestServer server = new TestServer(base)) {
      server.result("createDeck", "{\"deck\": \"Made\"}");
      RunningServer.publish(base.resolve("User 1"), server.uri(), null);

      Run run = ankid("backup");

      assertThat(run.exit()).isEqualTo(ExitCodes.OK);
      assertThat(Path.of(run.out().strip())).isRegularFile().hasParent(folder());
    }
  }

  /** The restored collection has what it had when backed up, and the real engine finds nothing wrong in it. */
  @Test
  void restoreBringsBackTheBackedUpCollection() throws Exception {
    SharedFiles.require();
    try (TestServer server = new TestServer(base)) {
      server.result("addNote", """
          {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "kept", "Back": "x"}}}""");
      RunningServer.publish(base.resolve("User 1"), server.uri(), null);
      String backup = Path.of(ankid("backup").out().strip()).getFileName().toString();
      server.result("deleteNotes", "{\"notes\": " + server.result("findNotes", "{\"query\": \"\"}") + "}");
      assertThat(notes(server)).isZero();

      Run run = ankid("restore", backup);

      assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
      assertThat(run.out()).contains("replaced the collection: 1 note");
      assertThat(notes(server)).isEqualTo(1);
      server.stop();
    }
    Path collection = base.resolve("User 1").resolve("collection.anki2");
    assertThat(Oracle.run("check", collection.toString()).ok().get("problems")).isEmpty();
    assertThat(Oracle.run("sql", collection.toString(), "select sfld from notes").ok().get("rows").get(0).get(0)
        .asText()).isEqualTo("kept");
  }

  @Test
  void restoreHereBacksUpTheCollectionItReplaces() throws Exception {
    BrokenProfiles.cardWithoutNote(base);
    Path first = Path.of(ankid("backup").out().strip());
    try (TestServer server = new TestServer(base)) {
      server.result("createDeck", "{\"deck\": \"After the backup\"}");
    }

    Run run = ankid("restore", first.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("the previous collection is in " + folder());
    assertThat(backups()).isEqualTo(2);
  }

  @Test
  void restoreRefusesWhatIsNotACollectionPackage() throws Exception {
    BrokenProfiles.cardWithoutNote(base);
    Path deck = Files.writeString(base.resolve("deck.apkg"), "not a collection");

    Run run = ankid("restore", deck.toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("is not a collection package");
  }
}
