package ankid.server.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The confirmation settings of one process: the mode for the AnkiConnect API, the mode for MCP
 * tools, and how long a confirmation token stays valid. The config file's {@code confirm} key (or
 * the {@code --confirm} flag, which wins) sets both modes. Unset, the API behaves exactly like
 * AnkiConnect ({@code off}) while MCP still confirms destructive tools: agents are the reason the
 * gate exists, so only an explicit {@code off} turns it off for them. {@code confirmExpiry} is the
 * token lifetime in seconds (default 300).
 */
public record ConfirmSettings(ConfirmMode api, ConfirmMode mcp, Duration expiry) {
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);

  public static ConfirmSettings defaults() {
    return of(null, DEFAULT_EXPIRY);
  }

  /** The settings for an explicit mode ({@code null}: none given). */
  public static ConfirmSettings of(ConfirmMode explicit, Duration expiry) {
    return explicit == null
        ? new ConfirmSettings(ConfirmMode.OFF, ConfirmMode.DESTRUCTIVE, expiry)
        : new ConfirmSettings(explicit, explicit, expiry);
  }

  /** Reads {@code confirm} and {@code confirmExpiry} from the config file (may be null); {@code flag} wins. */
  public static ConfirmSettings read(Path configFile, ConfirmMode flag) {
    ConfirmMode mode = flag;
    Duration expiry = DEFAULT_EXPIRY;
    if (configFile != null) {
      JsonNode config;
      try {
        config = new ObjectMapper().readTree(Files.readAllBytes(configFile));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read config " + configFile + ": " + e.getMessage(), e);
      }
      JsonNode confirm = config.path("confirm");
      if (mode == null && !confirm.isMissingNode() && !confirm.isNull()) {
        if (!confirm.isTextual()) throw new IllegalArgumentException("config key confirm must be a string");
        mode = ConfirmMode.parse(confirm.asText());
      }
      JsonNode seconds = config.path("confirmExpiry");
      if (!seconds.isMissingNode() && !seconds.isNull()) {
        if (!seconds.canConvertToLong() || seconds.asLong() <= 0) {
          throw new IllegalArgumentException("config key confirmExpiry must be a positive number of seconds");
        }
        expiry = Duration.ofSeconds(seconds.asLong());
      }
    }
    return of(mode, expiry);
  }
}
