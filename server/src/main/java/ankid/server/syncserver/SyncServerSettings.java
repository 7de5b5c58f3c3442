package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sync server's keys in ankid's config file: {@code syncPort} (absent: no sync server),
 * {@code syncBindAddress} (default loopback), {@code syncMaxPayloadMegs} (Anki's
 * MAX_SYNC_PAYLOAD_MEGS, default 100; the uncompressed limit is three times that) and
 * {@code syncIdleTimeoutSecs} (a connection that moves no bytes this long is closed).
 */
public record SyncServerSettings(Integer port, String bindAddress, SyncLimits limits) {
  public static SyncServerSettings read(Path configFile) throws IOException {
    if (configFile == null) return new SyncServerSettings(null, null, SyncLimits.defaults());
    JsonNode o = new ObjectMapper().readTree(Files.readAllBytes(configFile));
    SyncLimits limits = SyncLimits.ofMegabytes(o.path("syncMaxPayloadMegs").asLong(100));
    if (o.path("syncIdleTimeoutSecs").canConvertToLong()) {
      limits = new SyncLimits(limits.maxBytes(), limits.maxUncompressedBytes(),
          o.get("syncIdleTimeoutSecs").asLong() * 1000, limits.abandonedSyncMillis());
    }
    return new SyncServerSettings(o.path("syncPort").canConvertToInt() ? o.get("syncPort").asInt() : null,
        o.path("syncBindAddress").isTextual() ? o.get("syncBindAddress").asText() : null, limits);
  }

  public SyncServerSettings withBind(String address, Integer newPort) {
    return new SyncServerSettings(newPort != null ? newPort : port, address != null ? address : bindAddress, limits);
  }
}
