package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A successful reply before compression: bytes (JSON, a zip, Anki's bare "OK") or a file to
 * stream (a full download), deleted once sent.
 */
record SyncReply(byte[] bytes, Path file) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SyncReply json(JsonNode value) {
    try {
      return new SyncReply(JSON.writeValueAsBytes(value), null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static SyncReply text(String text) {
    return new SyncReply(text.getBytes(StandardCharsets.UTF_8), null);
  }

  static SyncReply bytes(byte[] data) {
    return new SyncReply(data, null);
  }

  static SyncReply file(Path file) {
    return new SyncReply(null, file);
  }
}
