package ankid.server.gui;

import ankid.server.api.Dispatcher;
import ankid.server.http.HostCheck;
import ankid.server.http.Origins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;

/**
 * The web UI under {@code /ui/} on the API's port: the page's files, its calls ({@code /ui/api},
 * AnkiConnect-shaped and keyed like the API), its event stream ({@code /ui/events}), the
 * sandboxed card frame, media for cards ({@code /ui/media/<token>/<name>}) and file uploads for
 * importing. Everything else is left to the API.
 */
public final class WebUi extends Handler.Abstract {
  /** The page runs only its own scripts and loads only its own resources; cards run in their frame. */
  private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; media-src 'self'; frame-src 'self'; connect-src 'self'; object-src 'none';"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** The card frame is sandboxed (an opaque origin); card templates' own scripts and styles run inside it. */
  private static final String CARD_POLICY = "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline'"
      + " 'unsafe-eval'; style-src * 'unsafe-inline'; img-src * data: blob:; media-src * data: blob:;"
      + " font-src * data:; connect-src 'none'; object-src 'none'; frame-ancestors 'self'";
  /** Media opened directly (an SVG or HTML file) must not run in the UI's origin. */
  private static final String MEDIA_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";
  private static final long MAX_UPLOAD_BYTES = 4L * 1024 * 1024 * 1024;
  /** Each open page holds a server thread for its events; beyond this many, API requests would wait. */
  private static final int MAX_EVENT_STREAMS = 16;

  private final Guis guis;
  private final ObjectMapper json;
  private final Supplier<Dispatcher> dispatcher;
  private final UiAccess access;
  private final String mediaToken;
  private final StaticFiles files = new StaticFiles();
  private final Path uploads;
  private final java.util.concurrent.atomic.AtomicInteger streams = new java.util.concurrent.atomic.AtomicInteger();

  public WebUi(Guis guis, ObjectMapper json, Supplier<Dispatcher> dispatcher, Origins origins, boolean loopbackOnly,
      Supplier<JsonNode> apiKey, String mediaToken) {
    this.guis = guis;
    this.json = json;
    this.dispatcher = dispatcher;
    this.access = new UiAccess(origins, new HostCheck(loopbackOnly), apiKey);
    this.mediaToken = mediaToken;
    try {
      this.uploads = Files.createTempDirectory("ankid-uploads");
      this.uploads.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a folder for uploads", e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!path.equals("/ui") && !path.startsWith("/ui/")) return false;
    if (path.equals("/ui")) {
      Response.sendRedirect(request, response, callback, "/ui/");
      return true;
    }
    String rest = path.substring("/ui/".length());
    String method = request.getMethod();
    if (rest.equals("api") && method.equals("POST")) {
      api(request, response, callback);
    } else if (rest.equals("events") && method.equals("GET")) {
      events(request, response, callback);
    } else if (rest.equals("import") && method.equals("POST")) {
      upload(request, response, callback);
    } else if (rest.startsWith("media/") && method.equals("GET")) {
      // the name as sent, decoded here once: a %2F in it is then a separator the name check refuses
      String raw = request.getHttpURI().getPath();
      media(raw.substring(raw.indexOf("/ui/media/") + "/ui/media/".length()), response, callback);
    } else if (method.equals("GET") || method.equals("HEAD")) {
      page(rest.isEmpty() ? "index.html" : rest, response, callback);
    } else {
      send(response, callback, 405, "text/plain; charset=utf-8", new byte[0]);
    }
    return true;
  }

  private boolean allowed(Request request) {
    return access.allows(request.getHeaders().get(HttpHeader.ORIGIN), request.getHeaders().get(HttpHeader.HOST));
  }

  /** The page's calls: AnkiConnect requests, the UI's own actions among them, the key checked as for the API. */
  private void api(Request request, Response response, Callback callback) throws IOException {
    if (!allowed(request)) {
      send(response, callback, 403, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    JsonNode body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = json.readTree(in.readNBytes(64 * 1024 * 1024));
    } catch (IOException e) {
      body = null;
    }
    JsonNode reply = body != null && body.isObject() && body.path("action").isTextual()
        ? dispatcher.get().dispatch(body)
        : Dispatcher.error(json, "not an AnkiConnect request");
    send(response, callback, 200, "application/json", json.writeValueAsBytes(reply));
  }

  private void events(Request request, Response response, Callback callback) throws Exception {
    if (!allowed(request) || !access.keyMatches(query(request).get("key"))) {
      send(response, callback, 403, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    if (streams.incrementAndGet() > MAX_EVENT_STREAMS) {
      streams.decrementAndGet();
      send(response, callback, 503, "text/plain; charset=utf-8", "too many open pages".getBytes(StandardCharsets.UTF_8));
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    try {
      new EventStream(guis, json).run(response);
      callback.succeeded();
    } catch (IOException | InterruptedException e) {
      // the page went away, or the server is stopping
      callback.failed(e);
    } finally {
      streams.decrementAndGet();
    }
  }

  /** A file chosen on the Import screen: kept in a private temporary folder and imported from there. */
  private void upload(Request request, Response response, Callback callback) throws IOException {
    Map<String, String> query = query(request);
    if (!allowed(request) || !access.keyMatches(query.get("key"))) {
      send(response, callback, 403, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    String name = Path.of(query.getOrDefault("name", "upload.apkg")).getFileName().toString()
        .replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    Path dir = Files.createTempDirectory(uploads, "import");
    Path file = dir.resolve(name.isBlank() ? "upload.apkg" : name);
    try (InputStream in = Content.Source.asInputStream(request)) {
      long copied = Files.copy(in, file);
      if (copied > MAX_UPLOAD_BYTES) throw new IOException("file too large");
    }
    guis.current().openImport(file, true);
    send(response, callback, 200, "application/json", json.writeValueAsBytes(Map.of("result", true)));
  }

  private void media(String rest, Response response, Callback callback) throws IOException {
    int slash = rest.indexOf('/');
    if (slash < 0 || !rest.substring(0, slash).equals(mediaToken)) {
      send(response, callback, 403, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    String name = URIUtil.decodePath(rest.substring(slash + 1));
    Optional<Path> file = MediaFiles.find(guis.profiles().collection().mediaFolder(), name);
    if (file.isEmpty()) {
      send(response, callback, 404, "text/plain; charset=utf-8", new byte[0]);
      return;
    }
    response.getHeaders().put("Content-Security-Policy", MEDIA_POLICY);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    send(response, callback, 200, MediaFiles.contentType(name), Files.readAllBytes(file.get()));
  }

  private void page(String name, Response response, Callback callback) {
    Optional<byte[]> body = files.get(name);
    if (body.isEmpty()) {
      send(response, callback, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
      return;
    }
    response.getHeaders().put("Content-Security-Policy", name.equals("card.html") ? CARD_POLICY : PAGE_POLICY);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    send(response, callback, 200, StaticFiles.contentType(name), body.get());
  }

  private static void send(Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static Map<String, String> query(Request request) {
    Map<String, String> out = new HashMap<>();
    String q = request.getHttpURI().getQuery();
    if (q == null) return out;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }
}
