package ankid.server;

import ankid.engine.Collection;
import ankid.server.gate.ConfirmSettings;
import ankid.server.http.HttpServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real ankid HTTP server on a free loopback port over a base folder (profile "User 1"). Tests
 * usually get one from {@link TestServerExtension}; it starts on the first request, so a test can
 * first put a collection into {@link #base()} or choose a config and a clock, and {@link #stop()}
 * releases the collection (for the oracle to read it) until the next request starts it again.
 */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final HttpClient client = HttpClient.newHttpClient();
  private final Path base;
  private ServerConfig config = ServerConfig.defaults();
  private Safeguards safeguards = Safeguards.defaults();
  private Clock clock = Clock.systemDefaultZone();
  private ConfirmSettings confirm = ConfirmSettings.defaults();
  private Clock tokenClock = Clock.systemUTC();
  private Profiles profiles;
  private Api api;
  private HttpServer http;
  /** Counted down when guiExitAnki has stopped the server. */
  public final CountDownLatch exited = new CountDownLatch(1);

  private TestServer(Path base, ServerConfig config, Clock clock, boolean start) throws Exception {
    this.base = base;
    this.config = config;
    this.clock = clock;
    if (start) start();
  }

  /** A server over {@code base}, running now. */
  public TestServer(Path base) throws Exception {
    this(base, ServerConfig.defaults());
  }

  public TestServer(Path base, ServerConfig config) throws Exception {
    this(base, config, Clock.systemDefaultZone());
  }

  /** A server whose collection sees {@code clock} as "now" (for fixtures with dated reviews). */
  public TestServer(Path base, ServerConfig config, Clock clock) throws Exception {
    this(base, config, clock, true);
  }

  /** A server with a confirmation gate whose tokens are timed by {@code tokenClock}, running now. */
  public TestServer(Path base, ConfirmSettings confirm, Clock tokenClock) throws Exception {
    this(base, ServerConfig.defaults(), Clock.systemDefaultZone(), false);
    this.confirm = confirm;
    this.tokenClock = tokenClock;
    start();
  }

  /** A server over {@code base} that starts on its first request. */
  static TestServer unstarted(Path base) throws Exception {
    return new TestServer(base, ServerConfig.defaults(), Clock.systemDefaultZone(), false);
  }

  /** The base folder: {@code base()/User 1/collection.anki2} is the collection. */
  public Path base() {
    return base;
  }

  /** The config of the next start; a running server is stopped. */
  public TestServer useConfig(ServerConfig newConfig) throws Exception {
    stop();
    config = newConfig;
    return this;
  }

  /** The limits and exposure rules of the next start; a running server is stopped. */
  public TestServer useSafeguards(Safeguards newSafeguards) throws Exception {
    stop();
    safeguards = newSafeguards;
    return this;
  }

  /** "Now" for the collection from the next start on; a running server is stopped. */
  public TestServer useClock(Clock newClock) throws Exception {
    stop();
    clock = newClock;
    return this;
  }

  private synchronized void start() {
    if (http != null) return;
    try {
      profiles = new Profiles(base, clock);
      profiles.open("User 1");
      api = new Api(config, profiles, safeguards, confirm, tokenClock, new Api.Hosting(true, this::exitSoon));
      http = new HttpServer(api.gateway(), null, api.webUi(), List.of("127.0.0.1"), 0, safeguards.limits());
      http.start();
    } catch (Exception e) {
      if (api != null) api.close();
      if (profiles != null) profiles.close();
      profiles = null;
      api = null;
      http = null;
      throw new IllegalStateException("the test server did not start over " + base, e);
    }
  }

  /** Closes the server and the collection; the next request starts them again. */
  public synchronized void stop() throws Exception {
    if (http == null) return;
    try {
      api.close();
      http.close();
    } finally {
      http = null;
      api = null;
      profiles.close();
      profiles = null;
    }
  }

  public synchronized URI uri() {
    start();
    return URI.create("http://127.0.0.1:" + http.port() + "/");
  }

  public HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts raw bytes (for bodies that are not UTF-8). */
  public HttpResponse<String> post(byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Calls an action with version 6 and returns the whole envelope. */
  public JsonNode call(String action, String paramsJson) throws Exception {
    String body = "{\"action\":\"" + action + "\",\"version\":6,\"params\":" + paramsJson + "}";
    return JSON.readTree(post(body).body());
  }

  /** Calls an action and returns its result, failing on an error. */
  public JsonNode result(String action, String paramsJson) throws Exception {
    JsonNode env = call(action, paramsJson);
    if (!env.get("error").isNull()) throw new AssertionError(action + " failed: " + env.get("error"));
    return env.get("result");
  }

  /** Calls one of the web UI's own actions through /ui/api (as the page does) and returns its result. */
  public JsonNode ui(String action, String paramsJson) throws Exception {
    String body = "{\"action\":\"" + action + "\",\"version\":6,\"params\":" + paramsJson + "}";
    HttpRequest req = HttpRequest.newBuilder(uri().resolve("/ui/api")).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    JsonNode env = JSON.readTree(client.send(req, HttpResponse.BodyHandlers.ofString()).body());
    if (!env.get("error").isNull()) throw new AssertionError(action + " failed: " + env.get("error"));
    return env.get("result");
  }

  /** guiExitAnki: the server stops a moment after its reply, as the real one does. */
  private void exitSoon() {
    new Thread(() -> {
      try {
        Thread.sleep(300);
        stop();
      } catch (Exception ignored) {
        // stopped anyway
      }
      exited.countDown();
    }).start();
  }

  /** Calls an action and returns its error message. */
  public String error(String action, String paramsJson) throws Exception {
    return call(action, paramsJson).get("error").asText();
  }

  /** The running server's profiles, for a server that shares them (ankid's sync server). */
  public synchronized Profiles profiles() {
    start();
    return profiles;
  }

  /** The open collection, for checks the API cannot make. */
  public synchronized Collection collection() {
    start();
    return profiles.collection();
  }

  /** Switches the running server to another profile of {@link #base()}, creating it when missing. */
  public synchronized void openProfile(String name) {
    start();
    profiles.open(name);
  }

  public Path collectionPath() {
    return base.resolve("User 1").resolve(Profiles.COLLECTION_FILE);
  }

  /** Parses JSON written in a test (usually a text block). */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + text, e);
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
