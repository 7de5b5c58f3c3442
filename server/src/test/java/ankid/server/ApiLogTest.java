package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code apiLogPath}: appended to, never truncated; the API key never written. */
@ExtendWith(TestServerExtension.class)
class ApiLogTest {

  private static TestServer logging(TestServer server, Path log, String apiKey) throws Exception {
    Path config = Files.writeString(log.resolveSibling("config.json"), """
        {"apiLogPath": "%s", "apiKey": %s}
        """.formatted(log.toString().replace("\\", "/"), apiKey));
    return server.useConfig(ServerConfig.read(config));
  }

  @Test
  void anExistingFileIsAppendedToNotTruncated(TestServer server, @TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("notes.txt"), "my own notes\n");
    logging(server, log, "null").post("""
        {"action": "version"}
        """);
    server.stop();
    assertThat(Files.readString(log)).startsWith("my own notes\n").contains("[request]");
  }

  @Test
  void theKeyIsNotLogged(TestServer server, @TempDir Path dir) throws Exception {
    Path log = dir.resolve("api.log");
    logging(server, log, "\"s3cret-key\"").post("""
        {"action": "multi", "key": "s3cret-key", "params": {"actions": [{"action": "version", "key": "s3cret-key"}]}}
        """);
    server.stop();
    assertThat(Files.readString(log)).contains("\"action\" : \"multi\"").doesNotContain("s3cret-key");
  }

  @Test
  void aLogInsideTheProfileIsRefusedAtStart(TestServer server, @TempDir Path dir) throws Exception {
    Path log = server.base().resolve("User 1").resolve("collection.anki2");
    logging(server, dir.resolve("elsewhere.log"), "null");
    Path config = Files.writeString(dir.resolve("config.json"), """
        {"apiLogPath": "%s"}
        """.formatted(log.toString().replace("\\", "/")));
    server.useConfig(ServerConfig.read(config));
    org.assertj.core.api.Assertions.assertThatThrownBy(server::uri)
        .hasRootCauseMessage("apiLogPath: permission denied: '" + log + "' is in the profile folders, outside collection.media");
  }
}
