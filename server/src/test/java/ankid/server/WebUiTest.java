package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web UI on the API's port: what it serves, to whom, and that the API around it is unchanged. */
@ExtendWith(TestServerExtension.class)
class WebUiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  TestServer server;

  @BeforeEach
  void server(TestServer testServer) {
    server = testServer;
  }

  private void start() {
    // the server starts on its first request
  }

  private void startWithKey(String key) throws Exception {
    server.useConfig(ServerConfig.defaults().withApiKey(TextNode.valueOf(key)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postUi(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/ui/api")).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a Host header of our choosing (Java's client will not send one). */
  private String rawGet(String path, String host) throws Exception {
    URI u = server.uri();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void theApiStillAnswersTheBannerAtTheRoot() throws Exception {
    start();
    assertThat(JSON.readTree(get("/").body())).isEqualTo(JSON.readTree("{\"apiVersion\": \"AnkiConnect v.6\"}"));
  }

  @Test
  void slashUiRedirectsToThePage() throws Exception {
    start();
    HttpResponse<String> r = get("/ui");
    assertThat(r.statusCode()).isBetween(301, 308);
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/ui/");
  }

  @Test
  void thePageIsServedWithAPolicyThatRunsOnlyItsOwnScripts() throws Exception {
    start();
    HttpResponse<String> page = get("/ui/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';");
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
    assertThat(get("/ui/app.js").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    assertThat(get("/ui/style.css").headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
  }

  @Test
  void theCardFrameMayRunCardScriptsButConnectNowhere() throws Exception {
    start();
    String policy = get("/ui/card.html").headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self' 'unsafe-inline'").contains("connect-src 'none'");
  }

  @Test
  void unknownAndEscapingPathsAreNotFound() throws Exception {
    start();
    assertThat(get("/ui/nope.js").statusCode()).isEqualTo(404);
    assertThat(get("/ui/%2E%2E/pom.xml").statusCode()).isIn(400, 404);
    assertThat(get("/ui/App.JS").statusCode()).isEqualTo(404);
  }

  @Test
  void aForeignHostNameIsRefusedOnThePageToo() throws Exception {
    start();
    assertThat(rawGet("/ui/", "evil.example")).startsWith("HTTP/1.1 403");
    assertThat(rawGet("/ui/", "localhost:" + server.uri().getPort())).startsWith("HTTP/1.1 200");
  }

  @Test
  void theUiCallsFollowTheOriginRulesAndAllowThePagesOwnOrigin() throws Exception {
    start();
    String body = "{\"action\": \"guiReviewActive\", \"version\": 6}";
    assertThat(postUi(body, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
    HttpResponse<String> own = postUi(body, "Origin", "http://127.0.0.1:" + server.uri().getPort());
    assertThat(JSON.readTree(own.body())).isEqualTo(JSON.readTree("{\"result\": false, \"error\": null}"));
  }

  @Test
  void theUiCallsNeedTheApiKeyLikeTheApi() throws Exception {
    startWithKey("sesame");
    assertThat(JSON.readTree(postUi("{\"action\": \"uiState\", \"version\": 6}").body()).get("error").asText())
        .isEqualTo("valid api key must be provided");
    JsonNode ok = JSON.readTree(postUi("{\"action\": \"uiState\", \"version\": 6, \"key\": \"sesame\"}").body());
    assertThat(ok.get("result").get("screen").asText()).isEqualTo("deckBrowser");
  }

  @Test
  void thePagesCallsReachOnlyTheGraphicalAndUiActionsSoNothingThereBypassesTheGate() throws Exception {
    start();
    JsonNode reply = JSON.readTree(postUi("{\"action\": \"deleteDecks\", \"version\": 6, \"params\":"
        + " {\"decks\": [\"Default\"], \"cardsToo\": true}}").body());
    assertThat(reply.get("error").asText()).isEqualTo("unsupported action");
  }

  @Test
  void theUisOwnActionsAreNotPartOfTheApi() throws Exception {
    start();
    assertThat(server.error("uiState", "{}")).isEqualTo("unsupported action");
  }

  @Test
  void theEventStreamSendsTheStateAndNeedsTheKey() throws Exception {
    startWithKey("sesame");
    assertThat(get("/ui/events").statusCode()).isEqualTo(403);
    assertThat(get("/ui/events?key=wrong").statusCode()).isEqualTo(403);
    HttpResponse<InputStream> events = client.send(
        HttpRequest.newBuilder(server.uri().resolve("/ui/events?key=sesame")).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      String line;
      while (!(line = lines.readLine()).startsWith("data: ")) {
        // retry and event lines
      }
      assertThat(JSON.readTree(line.substring(6)).get("screen").asText()).isEqualTo("deckBrowser");
      postUi("{\"action\": \"guiBrowse\", \"version\": 6, \"key\": \"sesame\"}");
      String next;
      do {
        next = lines.readLine();
      } while (!next.startsWith("data: ") || JSON.readTree(next.substring(6)).get("screen").asText().equals("deckBrowser"));
      assertThat(JSON.readTree(next.substring(6)).get("screen").asText()).isEqualTo("browser");
    }
  }

  private String mediaPath() throws Exception {
    return server.ui("uiSession", "{}").get("mediaPath").asText();
  }

  @Test
  void mediaIsServedFromTheMediaFolderWithItsContentType() throws Exception {
    start();
    Files.write(server.collection().mediaFolder().resolve("a b.mp3"), new byte[] {1, 2, 3});
    HttpResponse<String> r = get("/ui/" + mediaPath() + "a%20b.mp3");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("audio/mpeg");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
  }

  @Test
  void mediaNeedsTheSessionsPath() throws Exception {
    start();
    Files.write(server.collection().mediaFolder().resolve("x.png"), new byte[] {1});
    assertThat(get("/ui/media/0000/x.png").statusCode()).isEqualTo(403);
  }

  @Test
  void mediaNeverComesFromOutsideTheMediaFolder() throws Exception {
    start();
    Path media = server.collection().mediaFolder();
    Path outside = Files.writeString(server.base().resolve("secret.txt"), "secret");
    Files.createSymbolicLink(media.resolve("link.txt"), outside);
    String path = "/ui/" + mediaPath();
    assertThat(get(path + "..%2Fcollection.anki2").statusCode()).isIn(400, 404);
    assertThat(get(path + "link.txt").statusCode()).isEqualTo(404);
    assertThat(get(path + "missing.jpg").statusCode()).isEqualTo(404);
  }
}
