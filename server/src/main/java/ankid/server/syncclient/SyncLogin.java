package ankid.server.syncclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A profile's sync account, {@code sync-login.json} in the profile folder: the server's endpoint,
 * the host key it gave at login and the user name, never the password (Anki keeps the same in its
 * profile: syncKey, currentSyncUrl, syncUser). The host key stands for the password, so the file
 * is readable by its owner only.
 */
public record SyncLogin(String endpoint, String hostKey, String user, boolean syncMedia) {
  public static final String FILE = "sync-login.json";
  /** Where Anki syncs when no server is set (rslib http_client/mod.rs). */
  public static final String ANKIWEB = "https://sync.ankiweb.net/";

  private static final ObjectMapper JSON = new ObjectMapper();

  public static Optional<SyncLogin> read(Path profileFolder) {
    Path file = profileFolder.resolve(FILE);
    if (!Files.exists(file)) return Optional.empty();
    try {
      JsonNode o = JSON.readTree(Files.readAllBytes(file));
      return Optional.of(new SyncLogin(o.path("endpoint").asText(ANKIWEB), o.path("hkey").asText(""),
          o.path("user").asText(""), o.path("syncMedia").asBoolean(true)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void write(Path profileFolder) {
    Path file = profileFolder.resolve(FILE);
    try {
      ankid.server.PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode()
          .put("endpoint", endpoint).put("hkey", hostKey).put("user", user).put("syncMedia", syncMedia)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static void remove(Path profileFolder) {
    try {
      Files.deleteIfExists(profileFolder.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SyncLogin withEndpoint(String newEndpoint) {
    return new SyncLogin(newEndpoint, hostKey, user, syncMedia);
  }
}
