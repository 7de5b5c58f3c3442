package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ankid.server.TestServer;
import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ankid call} on a pseudo-terminal (util-linux {@code script} gives the command one for its
 * input and output): it shows the preview and asks before applying a held request.
 */
class CallOnATerminalTest {
  @TempDir Path base;
  TestServer server;
  long note;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed for a pseudo-terminal");
    server = new TestServer(base, ConfirmSettings.of(ConfirmMode.DESTRUCTIVE, ConfirmSettings.DEFAULT_EXPIRY),
        Clock.systemUTC());
    RunningServer.publish(base.resolve("User 1"), server.uri(), null);
    note = server.result("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "chat", "Back": "cat"}}}""").asLong();
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
  }

  record Session(int exit, String screen) {}

  /** Runs {@code ankid call deleteNotes} on a terminal, typing {@code answer} at the prompt. */
  private Session deleteOnATerminal(String answer) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", List.of(quote(java), "-cp", quote(System.getProperty("java.class.path")),
        "ankid.server.Main", "call", "--base", quote(base.toString()), "deleteNotes", "'notes=[" + note + "]'"));
    Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().write((answer + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Session(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private int notes() throws Exception {
    return server.result("findNotes", "{\"query\": \"\"}").size();
  }

  @Test
  void yesAtThePromptApplies() throws Exception {
    Session s = deleteOnATerminal("y");
    assertThat(s.screen()).contains("confirmation required: delete 1 note and its 1 card")
        .contains("\"intent\" : \"delete 1 note and its 1 card\"").contains("Apply? [y/N]");
    assertThat(s.exit()).isZero();
    assertThat(notes()).isZero();
  }

  @Test
  void anythingElseAtThePromptChangesNothing() throws Exception {
    Session s = deleteOnATerminal("n");
    assertThat(s.screen()).contains("Apply? [y/N]").contains("nothing changed");
    assertThat(s.exit()).isEqualTo(ExitCodes.NOT_CONFIRMED);
    assertThat(notes()).isEqualTo(1);
  }
}
