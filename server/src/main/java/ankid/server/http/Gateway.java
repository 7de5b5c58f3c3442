package ankid.server.http;

import ankid.server.ApiKey;
import ankid.server.ServerLimits;
import ankid.server.api.Dispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The web layer of AnkiConnect ({@code plugin/web.py, WebServer.handlerWrapper}), independent of
 * the HTTP server: origin checks, preflight, the banner, body validation, then the dispatcher.
 */
public final class Gateway {
  /** What the transport read. {@code origin} and {@code authorization} are null when absent. */
  public record HttpRequest(String method, String origin, String privateNetwork, byte[] body, String authorization) {
    public HttpRequest(String method, String origin, String privateNetwork, byte[] body) {
      this(method, origin, privateNetwork, body, null);
    }
  }

  /** What to send. Headers are in AnkiConnect's order. */
  public record HttpReply(int status, Map<String, String> headers, byte[] body, boolean close) {}

  private final ObjectMapper json;
  private final Dispatcher dispatcher;
  private final Origins origins;
  private final int apiVersion;
  private ApiLog log;
  private int maxRequestItems = Integer.MAX_VALUE;
  private Supplier<JsonNode> apiKey = () -> null;
  private Runnable afterDispatch = () -> { };

  public Gateway(ObjectMapper json, Dispatcher dispatcher, Origins origins, int apiVersion) {
    this.json = json;
    this.dispatcher = dispatcher;
    this.origins = origins;
    this.apiVersion = apiVersion;
  }

  /**
   * The body limits of {@link ServerLimits} and the configured key, which an
   * {@code Authorization: Bearer} header may carry instead of the body.
   */
  public void setLimits(ServerLimits limits, Supplier<JsonNode> apiKey) {
    this.maxRequestItems = limits.maxRequestItems();
    this.apiKey = apiKey;
  }

  /** Runs after every dispatched request (the web UI re-checks what open pages show). */
  public void setAfterDispatch(Runnable hook) {
    this.afterDispatch = hook;
  }

  /** Logs requests and replies to AnkiConnect's apiLogPath file. */
  public void setLog(ApiLog log) {
    this.log = log;
  }

  private JsonNode run(JsonNode request, boolean bearerAuthorized) {
    if (log != null) log.log("request", request);
    JsonNode reply;
    try {
      reply = dispatcher.dispatch(request, bearerAuthorized);
    } finally {
      afterDispatch.run();
    }
    if (log != null) log.log("reply", reply);
    return reply;
  }

  public HttpReply handle(HttpRequest req) {
    Origins.Verdict verdict = origins.check(req.origin());
    if ("OPTIONS".equalsIgnoreCase(req.method())) {
      Map<String, String> h = headers(verdict.allowOrigin());
      if ("true".equals(req.privateNetwork())) h.put("Access-Control-Allow-Private-Network", "true");
      return new HttpReply(200, h, new byte[0], false);
    }
    BodyParser.Parsed parsed = BodyParser.parse(req.body(), maxRequestItems);
    if (parsed.request() == null) {
      if (!verdict.allowed()) return forbidden();
      if (req.body().length == 0) {
        ObjectNode banner = json.createObjectNode().put("apiVersion", "AnkiConnect v." + apiVersion);
        return ok(verdict.allowOrigin(), banner);
      }
      return ok(verdict.allowOrigin(), Dispatcher.error(json, parsed.error()));
    }
    JsonNode request = parsed.request();
    boolean bearer = ApiKey.matchesBearer(apiKey.get(), req.authorization());
    boolean permissionRequest = "requestPermission".equals(request.get("action").asText());
    if (!verdict.allowed() && !permissionRequest) return forbidden();
    if (permissionRequest) {
      // The web layer overwrites these, so a page cannot claim to be allowed.
      ObjectNode params = request.path("params").isObject()
          ? ((ObjectNode) request.get("params")).deepCopy() : json.createObjectNode();
      params.put("origin", req.origin() == null ? "" : req.origin());
      params.put("allowed", verdict.allowed());
      ((ObjectNode) request).set("params", params);
      String acao = verdict.allowed() ? verdict.allowOrigin() : req.origin();
      return ok(acao == null ? verdict.allowOrigin() : acao, run(request, bearer));
    }
    return ok(verdict.allowOrigin(), run(request, bearer));
  }

  private Map<String, String> headers(String allowOrigin) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Access-Control-Allow-Origin", allowOrigin);
    h.put("Access-Control-Allow-Headers", "*");
    return h;
  }

  private HttpReply ok(String allowOrigin, JsonNode body) {
    return new HttpReply(200, headers(allowOrigin), serialize(body), false);
  }

  private byte[] serialize(JsonNode body) {
    try {
      return json.writeValueAsString(body).getBytes(StandardCharsets.US_ASCII);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The reply for an unexpected failure of the web layer itself. */
  static HttpReply internalError(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new HttpReply(200, errorHeaders(), JsonErrors.envelope(msg), false);
  }

  /** A body that was not read (too large, too slow): the envelope, then the connection is closed. */
  static HttpReply refusal(int status, String message) {
    return new HttpReply(status, errorHeaders(), JsonErrors.envelope(message), true);
  }

  private static Map<String, String> errorHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Access-Control-Allow-Origin", "http://localhost");
    h.put("Access-Control-Allow-Headers", "*");
    return h;
  }

  private static HttpReply forbidden() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Access-Control-Allow-Origin", "http://localhost");
    h.put("Access-Control-Allow-Headers", "*");
    return new HttpReply(403, h, new byte[0], true);
  }
}
