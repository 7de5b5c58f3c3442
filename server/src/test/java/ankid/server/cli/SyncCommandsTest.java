package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Main;
import ankid.server.TestServer;
import ankid.server.syncclient.SyncLogin;
import ankid.server.syncserver.SyncHttpServer;
import ankid.server.syncserver.SyncLimits;
import ankid.server.syncserver.SyncService;
import ankid.server.syncserver.SyncServerSettings;
import ankid.server.syncserver.SyncUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ankid user}, {@code ankid login} and {@code ankid sync} as a person or a script runs them. */
class SyncCommandsTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run ankid(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new Run(exit, captured.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setIn(in);
      System.setOut(out);
    }
  }

  @Test
  void userAddStoresAHashNeverThePassword() throws Exception {
    Run r = ankid("s3cret\n", "user", "add", "alice", "--base", tmp.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("alice syncs profile 'User 1'");
    String file = Files.readString(tmp.resolve("sync-users.json"));
    assertThat(file).contains("$pbkdf2-sha256$i=600000,l=32$").doesNotContain("s3cret");
    assertThat(new SyncUsers(tmp).login("alice", "s3cret")).isPresent();
  }

  @Test
  void aUserSyncsTheProfileOfTheSameNameWhenThereIsOne() throws Exception {
    Files.createDirectories(tmp.resolve("bob"));
    assertThat(ankid("pw\n", "user", "add", "bob", "--base", tmp.toString()).out()).contains("'bob'");
    assertThat(ankid("pw\n", "user", "add", "carol", "--base", tmp.toString(), "--profile", "Shared").out())
        .contains("'Shared'");
    assertThat(ankid("", "user", "list", "--base", tmp.toString()).out()).contains("bob\tbob").contains("carol\tShared");
  }

  @Test
  void aProfileIsEitherServedOrAClient() {
    new SyncLogin("http://127.0.0.1:9/", "key", "me", true).write(tmp.resolve("User 1"));
    Run r = ankid("pw\n", "user", "add", "alice", "--base", tmp.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err()).contains("either served or a client");
  }

  @Test
  void loginKeepsTheHostKeyAndSyncSaysWhichFullSyncToChoose() throws Exception {
    Path serverBase = tmp.resolve("server");
    try (TestServer api = new TestServer(serverBase)) {
      SyncUsers users = new SyncUsers(serverBase);
      users.put("alice", "pw".toCharArray(), "User 1", 1000);
      try (SyncService service = new SyncService(api.profiles(), users, SyncLimits.defaults(), Clock.systemDefaultZone());
          SyncHttpServer http = new SyncHttpServer(service, List.of("127.0.0.1"), 0, SyncLimits.defaults())) {
        http.start();
        String endpoint = "http://127.0.0.1:" + http.port() + "/";
        api.result("addNote", """
            {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "a", "Back": "b"}}}""");
        String base = tmp.resolve("client").toString();

        Run wrong = ankid("nope\n", "login", "alice", "--endpoint", endpoint, "--base", base);
        assertThat(wrong.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrong.err()).contains("login failed");

        assertThat(ankid("pw\n", "login", "alice", "--endpoint", endpoint, "--base", base).exit()).isZero();
        String login = Files.readString(tmp.resolve("client/User 1/sync-login.json"));
        assertThat(login).contains(users.byName("alice").orElseThrow().hostKey()).doesNotContain("\"pw\"");

        Run first = ankid("", "sync", "--base", base);
        assertThat(first.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(first.err()).contains("this collection has no cards: run ankid sync --full-download");

        Run download = ankid("", "sync", "--full-download", "--base", base);
        assertThat(download.exit()).isZero();
        assertThat(download.out()).contains("collection: in sync").contains("media: in sync");
        assertThat(ankid("", "sync", "--base", base).exit()).isZero();
      }
    }
  }

  @Test
  void theSyncServerIsOffUnlessAPortIsConfigured() throws Exception {
    assertThat(SyncServerSettings.read(null).port()).isNull();
    Path config = Files.writeString(tmp.resolve("ankid.json"), """
        {"syncPort": 27701, "syncMaxPayloadMegs": 10}
        """);
    SyncServerSettings s = SyncServerSettings.read(config);
    assertThat(s.port()).isEqualTo(27701);
    assertThat(s.bindAddress()).isNull();
    assertThat(s.limits().maxBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(s.limits().maxUncompressedBytes()).isEqualTo(30L * 1024 * 1024);
  }
}
