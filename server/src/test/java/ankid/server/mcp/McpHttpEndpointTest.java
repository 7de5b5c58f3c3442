package ankid.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.gate.ConfirmMode;
import ankid.server.http.HttpServer;
import ankid.server.http.Origins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door to /mcp on the API port: the API's Host and Origin rules, the key as a bearer token. */
class McpHttpEndpointTest {
  private static final String INITIALIZE = """
      {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
       "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}""";

  @TempDir Path base;
  Profiles profiles;
  HttpServer http;
  McpHttpEndpoint mcp;
  final HttpClient client = HttpClient.newHttpClient();

  private URI start(JsonNode apiKey) throws Exception {
    ServerConfig config = ServerConfig.defaults().withApiKey(apiKey);
    profiles = new Profiles(base, Clock.systemUTC());
    profiles.open("User 1");
    Api api = new Api(config, profiles);
    mcp = new McpHttpEndpoint(api, api.registry(), new Origins(config.webCorsOriginList()), config::apiKey,
        ConfirmMode.DESTRUCTIVE);
    http = new HttpServer(api.gateway(), mcp, List.of("127.0.0.1"), 0);
    http.start();
    return URI.create("http://127.0.0.1:" + http.port() + "/");
  }

  @AfterEach
  void stop() throws Exception {
    if (mcp != null) mcp.close();
    if (http != null) http.close();
    if (profiles != null) profiles.close();
  }

  private HttpResponse<String> post(URI uri, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri.resolve("/mcp")).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void initializesAnMcpSession() throws Exception {
    HttpResponse<String> r = post(start(null), INITIALIZE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Mcp-Session-Id")).isPresent();
    assertThat(r.body()).contains("\"serverInfo\":{\"name\":\"ankid\"");
  }

  @Test
  void ankiConnectStillAnswersEverywhereElse() throws Exception {
    URI uri = start(null);
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"deckNames\", \"version\": 6}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).isEqualTo("{\"result\":[\"Default\"],\"error\":null}");
  }

  @Test
  void aPageFromAnotherOriginIsRefused() throws Exception {
    assertThat(post(start(null), INITIALIZE, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignHostNameIsRefused() throws Exception {
    URI uri = start(null);
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: rebound.example\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + INITIALIZE.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + INITIALIZE)
          .getBytes(StandardCharsets.UTF_8));
      InputStream in = s.getInputStream();
      assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 403");
    }
  }

  @Test
  void withAnApiKeyTheBearerTokenIsRequired() throws Exception {
    URI uri = start(TextNode.valueOf("secret"));
    HttpResponse<String> none = post(uri, INITIALIZE);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(post(uri, INITIALIZE, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(post(uri, INITIALIZE, "Authorization", "Bearer secret").statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserClientGetsItsPreflightAnswered() throws Exception {
    URI uri = start(TextNode.valueOf("secret"));
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri.resolve("/mcp"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Authorization");
  }
}
