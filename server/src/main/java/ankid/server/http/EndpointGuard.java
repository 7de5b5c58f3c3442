package ankid.server.http;

import ankid.server.ApiKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The checks every HTTP endpoint of ankid makes before its own work, in one place so that each
 * endpoint (the AnkiConnect API, {@code /mcp}, the sync server, the web UI) refuses the same
 * requests: the {@link HostCheck} against DNS rebinding on a loopback-only server, AnkiConnect's
 * {@link Origins} rule for browser pages, and, where the endpoint has no key of its own in the
 * body, the {@code apiKey} as {@code Authorization: Bearer} ({@link ApiKey}, constant time).
 */
public final class EndpointGuard {
  /** Why a request is turned away: the HTTP status and a one-line reason. */
  public record Refusal(int status, String reason) {}

  private final HostCheck host;
  private final Origins origins;
  private final Supplier<JsonNode> apiKey;

  /** {@code apiKey} null: the endpoint authenticates its own way (the sync server's user keys). */
  public EndpointGuard(boolean loopbackOnly, Origins origins, Supplier<JsonNode> apiKey) {
    this.host = new HostCheck(loopbackOnly);
    this.origins = origins;
    this.apiKey = apiKey;
  }

  /** Host and Origin: what even a CORS preflight, which carries no credentials, must pass. */
  public Refusal hostAndOrigin(HttpFields headers) {
    if (!host.allows(headers.get(HttpHeader.HOST))) return new Refusal(403, "host not allowed");
    if (!origins.check(headers.get(HttpHeader.ORIGIN)).allowed()) return new Refusal(403, "origin not allowed");
    return null;
  }

  /** Null to let the request in, else why not: Host, Origin, then the bearer key when one is configured. */
  public Refusal admit(HttpFields headers) {
    Refusal r = hostAndOrigin(headers);
    if (r != null || apiKey == null) return r;
    JsonNode key = apiKey.get();
    if (ApiKey.isUnset(key) || ApiKey.matchesBearer(key, headers.get(HttpHeader.AUTHORIZATION))) return null;
    return new Refusal(401, "an Authorization: Bearer header with the API key is required");
  }

  /** The CORS value for a browser origin that passed. */
  public String allowOrigin(String origin) {
    return origins.check(origin).allowOrigin();
  }
}
