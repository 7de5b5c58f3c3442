package ankid.server.http;

import ankid.server.ApiKey;
import ankid.server.ServerLimits;
import ankid.server.api.Dispatcher;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
  public record HttpReply(int status, Map<String, String> headers, ByteBuffer body, boolean close) {}

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

  private HttpReply run(String allowOrigin, JsonNode request, boolean bearerAuthorized) {
    if (log != null) log.log("request", request);
    Dispatcher.Reply reply;
    try {
      reply = dispatcher.reply(request, bearerAuthorized);
    } finally {
      afterDispatch.run();
    }
    if (log != null) log.log("reply", reply.toTree(json));
    try {
      return new HttpReply(200, headers(allowOrigin), serialize(reply), false);
    } catch (IOException | RuntimeException e) {
      // as when an action fails: AnkiConnect reports what went wrong in the envelope
      return ok(allowOrigin, dispatcher.failure(request, e));
    }
  }

  public HttpReply handle(HttpRequest req) {
    Origins.Verdict verdict = origins.check(req.origin());
    if ("OPTIONS".equalsIgnoreCase(req.method())) {
      Map<String, String> h = headers(verdict.allowOrigin());
      if ("true".equals(req.privateNetwork())) h.put("Access-Control-Allow-Private-Network", "true");
      return new HttpReply(200, h, ByteBuffer.allocate(0), false);
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
      return run(acao == null ? verdict.allowOrigin() : acao, request, bearer);
    }
    return run(verdict.allowOrigin(), request, bearer);
  }

  private Map<String, String> headers(String allowOrigin) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Access-Control-Allow-Origin", allowOrigin);
    h.put("Access-Control-Allow-Headers", "*");
    return h;
  }

  private HttpReply ok(String allowOrigin, JsonNode body) {
    try {
      return new HttpReply(200, headers(allowOrigin), serialize(Dispatcher.Reply.of(body)), false);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The reply's bytes, written by Jackson's generator as it walks the result: no tree, no String,
   * and no copy of the written bytes (a 10,000-card cardsInfo reply is some 10 MB).
   */
  private ByteBuffer serialize(Dispatcher.Reply reply) throws IOException {
    ReplyBytes out = new ReplyBytes();
    try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      reply.writeTo(json, g);
    }
    return out.asBuffer();
  }

  /** A byte stream whose bytes are handed on as they are, not copied into an array of their size. */
  private static final class ReplyBytes extends ByteArrayOutputStream {
    /** Room left after a large write (a written result) for the rest of the reply's envelope. */
    private static final int TAIL = 8192;

    ReplyBytes() {
      super(256);
    }

    /** A write larger than the buffer gets room for itself and the envelope's end, not twice its size. */
    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (count + len > buf.length && len > buf.length) buf = java.util.Arrays.copyOf(buf, count + len + TAIL);
      super.write(b, off, len);
    }

    ByteBuffer asBuffer() {
      return ByteBuffer.wrap(buf, 0, count);
    }
  }

  /** The reply for an unexpected failure of the web layer itself. */
  static HttpReply internalError(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new HttpReply(200, errorHeaders(), ByteBuffer.wrap(JsonErrors.envelope(msg)), false);
  }

  /** A body that was not read (too large, too slow): the envelope, then the connection is closed. */
  static HttpReply refusal(int status, String message) {
    return new HttpReply(status, errorHeaders(), ByteBuffer.wrap(JsonErrors.envelope(message)), true);
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
    return new HttpReply(403, h, ByteBuffer.allocate(0), true);
  }
}
