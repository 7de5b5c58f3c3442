package ankid.server.gui;

import ankid.server.ApiKey;
import ankid.server.http.HostCheck;
import ankid.server.http.Origins;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Who may use the web UI's calls and event stream: AnkiConnect's origin rules, plus the page's
 * own origin when that cannot be a DNS-rebinding trick (the Host is a loopback name the server
 * checks) or an API key guards every call. Without either, a UI opened from another machine
 * needs its origin in {@code webCorsOriginList}, as any other web page would.
 */
final class UiAccess {
  private final Origins origins;
  private final HostCheck hostCheck;
  private final Supplier<JsonNode> apiKey;

  UiAccess(Origins origins, HostCheck hostCheck, Supplier<JsonNode> apiKey) {
    this.origins = origins;
    this.hostCheck = hostCheck;
    this.apiKey = apiKey;
  }

  /** Whether a request with this {@code Origin} (null when absent) and {@code Host} may call. */
  boolean allows(String origin, String host) {
    if (origins.check(origin).allowed()) return true;
    if (host == null) return false;
    boolean ownOrigin = origin.toLowerCase(Locale.ROOT).equals("http://" + host.toLowerCase(Locale.ROOT));
    boolean keyed = apiKey.get() != null && !apiKey.get().isNull();
    return ownOrigin && (hostCheck.loopbackOnly() || keyed);
  }

  /**
   * The key sent in the event stream's URL (EventSource cannot send headers or a body): text, so
   * it is compared with the configured key's text, in constant time as every key is.
   */
  boolean keyMatches(String sent) {
    JsonNode expected = apiKey.get();
    if (ApiKey.isUnset(expected)) return sent == null || sent.isEmpty();
    return ApiKey.matchesText(expected, sent);
  }
}
