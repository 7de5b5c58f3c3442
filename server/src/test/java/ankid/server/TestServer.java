package ankid.server;

import ankid.server.http.HttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A real ankid HTTP server on a free port over a temporary base folder, for action tests. */
public final class TestServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final Profiles profiles;
  public final HttpServer http;
  public final Api api;
  /** Set when guiExitAnki asked the server to stop. */
  public final java.util.concurrent.CountDownLatch exited = new java.util.concurrent.CountDownLatch(1);
  public final HttpClient client = HttpClient.newHttpClient();

  public TestServer(Path base) throws Exception {
    this(base, ServerConfig.defaults());
  }

  public TestServer(Path base, ServerConfig config) throws Exception {
    this(base, config, Clock.systemDefaultZone());
  }

  /** A server whose collection sees {@code clock} as "now" (for fixtures with dated reviews). */
  public TestServer(Path base, ServerConfig config, Clock clock) throws Exception {
    profiles = new Profiles(base, clock);
    profiles.open("User 1");
    api = new Api(config, profiles, true, this::exitLater, ankid.server.gui.CollectionTasks.UNAVAILABLE);
    http = new HttpServer(api.gateway(), api.webUi(), List.of("127.0.0.1"), 0);
    http.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + http.port() + "/");
  }

  public HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

  public String error(String action, String paramsJson) throws Exception {
    return call(action, paramsJson).get("error").asText();
  }

  public Path collectionPath() {
    return profiles.collection().path();
  }

  /** guiExitAnki: stops the server a moment after the reply, as the real one does. */
  private void exitLater() {
    new Thread(() -> {
      try {
        Thread.sleep(300);
        close();
      } catch (Exception ignored) {
        // stopped anyway
      }
      exited.countDown();
    }).start();
  }

  @Override
  public synchronized void close() throws Exception {
    api.close();
    http.close();
    profiles.close();
  }
}
