package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.BrokenProfiles;
import ankid.server.Main;
import ankid.server.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ankid check}: the problems Check Database fixed, here or through the server holding the collection. */
class CheckTest {
  @TempDir Path base;

  record Run(int exit, String out, String err) {}

  private Run check(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "check";
    all[1] = "--base";
    all[2] = base.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = cl.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void printsEachProblemOnALineAndSaysItFixedThem() {
    BrokenProfiles.cardWithoutNote(base);

    Run run = check();

    assertThat(run.out()).isEqualTo("Deleted 1 card with missing note.\n");
    assertThat(run.exit()).isEqualTo(ExitCodes.PROBLEMS_FIXED);
  }

  @Test
  void aCleanCollectionPrintsNothingAndSucceeds() {
    BrokenProfiles.cardWithoutNote(base);
    check();

    Run run = check();

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("no problems found");
    assertThat(run.exit()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void jsonPrintsTheProblemsAsAnObject() {
    BrokenProfiles.cardWithoutNote(base);

    assertThat(check("--json").out()).isEqualTo("{\"problems\":[\"Deleted 1 card with missing note.\"]}\n");
  }

  @Test
  void aProfileWithoutACollectionIsAnError() {
    Run run = check("--profile", "Nobody");

    assertThat(run.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("no collection at");
  }

  @Test
  void checksThroughTheServerThatHoldsTheCollection() throws Exception {
    BrokenProfiles.cardWithoutNote(base);
    try (TestServer server = new TestServer(base)) {
      RunningServer.publish(base.resolve("User 1"), server.uri(), null);

      Run run = check("--json");

      assertThat(run.out()).isEqualTo("{\"problems\":[\"Deleted 1 card with missing note.\"]}\n");
      assertThat(run.exit()).isEqualTo(ExitCodes.PROBLEMS_FIXED);
    }
  }
}
