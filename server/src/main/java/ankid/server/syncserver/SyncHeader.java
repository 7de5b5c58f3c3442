package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code anki-sync} request header of protocol 11 (rslib request/header_and_stream.rs
 * {@code SyncHeader}): {@code v} protocol version, {@code k} host key ("" when logging in),
 * {@code c} client version, {@code s} session key.
 */
record SyncHeader(int version, String hostKey, String clientVersion, String sessionKey) {
  static final String NAME = "anki-sync";
  /** rslib version.rs: SYNC_VERSION_08_SESSIONKEY … SYNC_VERSION_11_DIRECT_POST. */
  static final int MIN_VERSION = 8;
  static final int MAX_VERSION = 11;

  private static final ObjectMapper JSON = new ObjectMapper();

  static SyncHeader parse(String value) {
    try {
      JsonNode o = JSON.readTree(value);
      if (o == null || !o.path("v").canConvertToInt() || !o.path("k").isTextual() || !o.path("c").isTextual()
          || !o.path("s").isTextual()) {
        throw HttpStatusException.badRequest("bad sync header");
      }
      return new SyncHeader(o.get("v").asInt(), o.get("k").asText(), o.get("c").asText(), o.get("s").asText());
    } catch (java.io.IOException e) {
      throw HttpStatusException.badRequest("bad sync header");
    }
  }

  /** rslib version.rs ensure_supported. */
  void ensureSupported() {
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw HttpStatusException.badRequest("unsupported sync version: " + version);
    }
  }

  /** Stateful methods need the session key (rslib SyncRequest::skey). */
  String requireSessionKey() {
    if (sessionKey.isEmpty()) throw HttpStatusException.badRequest("missing skey");
    return sessionKey;
  }
}
