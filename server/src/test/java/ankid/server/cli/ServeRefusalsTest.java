package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ankid serve} refuses to start rather than run unsafely, with one line on stderr. These
 * refusals happen before anything listens, so no test here opens a port beyond loopback.
 */
class ServeRefusalsTest {
  @TempDir Path base;

  private record Run(int status, String stderr) {}

  private Run serve(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 3];
    all[0] = "serve";
    all[1] = "--base";
    all[2] = base.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return new Run(cl.execute(all), err.toString());
  }

  @Test
  void listeningBeyondLoopbackWithoutAnApiKeyIsRefused() {
    Run run = serve("--bind", "0.0.0.0", "--port", "0");
    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.stderr()).isEqualTo("ankid: refusing to listen on 0.0.0.0 without an apiKey: anyone on the network "
        + "could use the collection; set \"apiKey\" in the config file" + System.lineSeparator());
  }

  @Test
  void aBlankApiKeyDoesNotCountAsOne() throws Exception {
    Path config = Files.writeString(base.resolve("ankid.json"), """
        {"apiKey": "  ", "webBindAddress": "0.0.0.0"}
        """);
    Run run = serve("--config", config.toString(), "--port", "0");
    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.stderr()).startsWith("ankid: refusing to listen on 0.0.0.0 without an apiKey");
  }

  @Test
  void anApiLogPathThatCannotBeWrittenIsOneClearLine(@TempDir Path elsewhere) throws Exception {
    Path log = elsewhere.resolve("no such folder").resolve("api.log");
    Path config = Files.writeString(base.resolve("ankid.json"), """
        {"apiLogPath": "%s"}
        """.formatted(log.toString().replace("\\", "/")));
    Run run = serve("--config", config.toString(), "--port", "0");
    assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.stderr()).isEqualTo("ankid: cannot write apiLogPath " + log + ": no such folder"
        + System.lineSeparator());
  }

  @Test
  void aCollectionInUseStopsTheServerWithItsExitCode() {
    Path file = base.resolve("User 1").resolve("collection.anki2");
    try (Collection held = Collection.open(file, Clock.systemUTC())) {
      Run run = serve("--port", "0");
      assertThat(run.status()).isEqualTo(ExitCodes.IN_USE);
      assertThat(run.stderr()).startsWith("ankid: ").contains("in use by another program");
      assertThat(RunningServer.read(file.getParent())).isEmpty();
    }
  }
}
