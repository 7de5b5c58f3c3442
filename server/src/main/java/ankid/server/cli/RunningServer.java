package ankid.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How other ankid commands find the server that holds a profile's collection: while {@code ankid
 * serve} has a profile open it keeps {@value #FILE} in that profile's folder, naming its URL and the
 * config file it read (for the API key). The collection's exclusive lock is the truth about whether
 * a server holds it; this file only says where to ask, so a stale file left by a killed server is
 * harmless (nothing answers at its URL).
 */
public record RunningServer(URI url, long pid, Path config) {
  public static final String FILE = "ankid-server.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Records that this process serves the profile in {@code profileFolder} at {@code url}. */
  public static void publish(Path profileFolder, URI url, Path config) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", url.toString());
    o.put("pid", ProcessHandle.current().pid());
    if (config != null) o.put("config", config.toAbsolutePath().toString());
    Files.createDirectories(profileFolder);
    Path tmp = Files.createTempFile(profileFolder, FILE, ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o));
    Files.move(tmp, profileFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes the record, but only when it is this process's own. */
  public static void withdraw(Path profileFolder) {
    read(profileFolder).filter(r -> r.pid() == ProcessHandle.current().pid()).ifPresent(r -> {
      try {
        Files.deleteIfExists(profileFolder.resolve(FILE));
      } catch (IOException ignored) {
        // a stale record only costs the next command one refused connection
      }
    });
  }

  public static Optional<RunningServer> read(Path profileFolder) {
    Path file = profileFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      JsonNode o = JSON.readTree(file.toFile());
      if (!o.path("url").isTextual()) return Optional.empty();
      Path config = o.path("config").isTextual() ? Path.of(o.get("config").asText()) : null;
      return Optional.of(new RunningServer(URI.create(o.get("url").asText()), o.path("pid").asLong(), config));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
