package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web layer rules of AnkiConnect (api doc §1), over real HTTP. */
class TransportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void emptyBodyGetsTheBannerWhateverTheMethod() throws Exception {
    HttpResponse<String> get = server.client.send(HttpRequest.newBuilder(server.uri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get.body())).isEqualTo(JSON.readTree("{\"apiVersion\": \"AnkiConnect v.6\"}"));
    assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void versionDecidesTheEnvelopeButErrorsAreAlwaysEnveloped() throws Exception {
    assertThat(server.post("{\"action\":\"deckNames\"}").body()).isEqualTo("[\"Default\"]");
    assertThat(server.post("{\"action\":\"deckNames\",\"version\":4}").body()).isEqualTo("[\"Default\"]");
    assertThat(JSON.readTree(server.post("{\"action\":\"deckNames\",\"version\":5}").body()))
        .isEqualTo(JSON.readTree("{\"result\":[\"Default\"],\"error\":null}"));
    assertThat(JSON.readTree(server.post("{\"action\":\"nope\"}").body()))
        .isEqualTo(JSON.readTree("{\"result\":null,\"error\":\"unsupported action\"}"));
  }

  @Test
  void anyPathAndMethodRunsTheAction() throws Exception {
    HttpRequest put = HttpRequest.newBuilder(server.uri().resolve("/some/path?x=1"))
        .method("PUT", HttpRequest.BodyPublishers.ofString("{\"action\":\"version\"}")).build();
    assertThat(server.client.send(put, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("6");
  }

  @Test
  void badBodiesGetPythonStyleErrors() throws Exception {
    assertThat(errorOf("{bad json")).startsWith("Expecting");
    assertThat(errorOf("{}")).isEqualTo("'action' is a required property");
    assertThat(errorOf("{\"action\":1}")).isEqualTo("1 is not of type 'string'");
    assertThat(errorOf("{\"action\":\"\"}")).contains("''");
    assertThat(errorOf("{\"action\":\"version\",\"version\":true}")).isEqualTo("True is not of type 'integer'");
    assertThat(errorOf("{\"action\":\"version\",\"params\":1.2}")).isEqualTo("1.2 is not of type 'object'");
    assertThat(errorOf("[1]")).isEqualTo("[1] is not of type 'object'");
    assertThat(server.post("{\"action\":\"version\",\"version\":6.0}").body()).contains("\"result\":6");
  }

  private String errorOf(String body) throws Exception {
    JsonNode reply = JSON.readTree(server.post(body).body());
    assertThat(reply.has("result")).isTrue();
    return reply.get("error").asText();
  }

  @Test
  void paramsAreBoundLikePythonKeywordArguments() throws Exception {
    assertThat(server.error("deckNames", "{\"x\":1}"))
        .isEqualTo("AnkiConnect.deckNames() got an unexpected keyword argument 'x'");
    assertThat(server.error("createDeck", "{}"))
        .isEqualTo("AnkiConnect.createDeck() missing 1 required positional argument: 'deck'");
    assertThat(server.error("changeDeck", "{}"))
        .isEqualTo("AnkiConnect.changeDeck() missing 2 required positional arguments: 'cards' and 'deck'");
  }

  @Test
  void nullsWhereValuesAreRequiredGetPythonStyleErrorsNotJavaOnes() throws Exception {
    assertThat(server.error("getDecks", "{\"cards\":null}")).isEqualTo("'NoneType' object is not iterable");
    assertThat(server.error("getDecks", "{\"cards\":[null]}"))
        .isEqualTo("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    assertThat(server.error("createDeck", "{\"deck\":null}")).isEqualTo("createDeck: 'deck' must not be None");
    assertThat(server.error("deleteDecks", "{\"decks\":[null],\"cardsToo\":true}"))
        .isEqualTo("deleteDecks: 'decks' must not contain None");
    assertThat(server.result("findCards", "{\"query\":null}")).isEmpty();
  }

  @Test
  void originsFollowTheCorsList() throws Exception {
    HttpResponse<String> ext = server.post("{\"action\":\"version\"}", "Origin", "chrome-extension://abc");
    assertThat(ext.statusCode()).isEqualTo(200);
    assertThat(ext.headers().firstValue("Access-Control-Allow-Origin")).hasValue("chrome-extension://abc");
    assertThat(server.post("{\"action\":\"version\"}", "Origin", "http://127.0.0.1:5000").statusCode()).isEqualTo(200);
    HttpResponse<String> other = server.post("{\"action\":\"version\"}", "Origin", "http://localhost:3000");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).isEmpty();
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost");
    assertThat(server.post("{\"action\":\"version\"}", "Origin", "https://127.0.0.1:8443").statusCode()).isEqualTo(403);
    assertThat(server.post("", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void preflightIsAlwaysOkAndAnswersPrivateNetworkRequests() throws Exception {
    HttpRequest pre = HttpRequest.newBuilder(server.uri()).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000").header("Access-Control-Request-Private-Network", "true").build();
    HttpResponse<String> r = server.client.send(pre, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost");
    assertThat(r.headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void requestPermissionBypassesTheOriginGate() throws Exception {
    HttpResponse<String> denied = server.post("{\"action\":\"requestPermission\",\"version\":6}",
        "Origin", "http://localhost:3000");
    assertThat(denied.statusCode()).isEqualTo(200);
    assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(JSON.readTree(denied.body()).get("result").get("permission").asText()).isEqualTo("denied");
    JsonNode granted = JSON.readTree(server.post("{\"action\":\"requestPermission\",\"version\":6}").body());
    assertThat(granted.get("result")).isEqualTo(
        JSON.readTree("{\"permission\":\"granted\",\"requireApikey\":false,\"version\":6}"));
  }

  @Test
  void apiKeyIsCheckedBeforeTheActionAndOnEachMultiSubAction(@TempDir Path other) throws Exception {
    try (TestServer keyed = new TestServer(other, ServerConfig.defaults().withApiKey(new TextNode("s3cret")))) {
      assertThat(JSON.readTree(keyed.post("{\"action\":\"nope\"}").body()).get("error").asText())
          .isEqualTo("valid api key must be provided");
      assertThat(keyed.post("{\"action\":\"version\",\"key\":\"s3cret\"}").body()).isEqualTo("6");
      JsonNode multi = JSON.readTree(keyed.post("{\"action\":\"multi\",\"key\":\"s3cret\",\"params\":{\"actions\":["
          + "{\"action\":\"version\",\"key\":\"s3cret\"},{\"action\":\"version\"}]}}").body());
      assertThat(multi).isEqualTo(JSON.readTree(
          "[6,{\"result\":null,\"error\":\"valid api key must be provided\"}]"));
      JsonNode perm = JSON.readTree(keyed.post("{\"action\":\"requestPermission\",\"version\":6}").body());
      assertThat(perm.get("result").get("requireApikey").asBoolean()).isTrue();
    }
    // With no key configured, sending one is an error too.
    assertThat(JSON.readTree(server.post("{\"action\":\"version\",\"key\":\"x\"}").body()).get("error").asText())
        .isEqualTo("valid api key must be provided");
  }

  @Test
  void multiRunsEachSubRequestWithItsOwnVersion() throws Exception {
    JsonNode r = JSON.readTree(server.post("{\"action\":\"multi\",\"version\":6,\"params\":{\"actions\":["
        + "{\"action\":\"deckNames\"},{\"action\":\"deckNames\",\"version\":6},{\"action\":\"nope\"},{\"params\":{}}]}}")
        .body());
    assertThat(r).isEqualTo(JSON.readTree("{\"result\":[[\"Default\"],{\"result\":[\"Default\"],\"error\":null},"
        + "{\"result\":null,\"error\":\"unsupported action\"},{\"result\":null,\"error\":\"unsupported action\"}],"
        + "\"error\":null}"));
    assertThat(server.error("multi", "{\"actions\":[1]}")).isNotEmpty();
  }

  @Test
  void apiReflectListsTheRegistry() throws Exception {
    JsonNode r = server.result("apiReflect", "{\"scopes\":[\"actions\",\"invalidType\"],"
        + "\"actions\":[\"apiReflect\",\"invalidMethod\"]}");
    assertThat(r).isEqualTo(JSON.readTree("{\"scopes\":[\"actions\"],\"actions\":[\"apiReflect\"]}"));
    JsonNode all = server.result("apiReflect", "{\"scopes\":[\"actions\"]}").get("actions");
    List<String> names = JSON.convertValue(all, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    assertThat(names).contains("deckNames", "multi", "version").isSorted();
    assertThat(server.result("apiReflect", "{\"scopes\":[]}")).isEqualTo(JSON.readTree("{\"scopes\":[]}"));
    assertThat(server.error("apiReflect", "{}")).isEqualTo("scopes has invalid value");
    assertThat(server.error("apiReflect", "{\"scopes\":[\"actions\"],\"actions\":1}"))
        .isEqualTo("actions has invalid value");
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    URI u = server.uri();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 3; i++) {
        String body = "{\"action\":\"version\"}";
        out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readUntil(in, "\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200");
        int len = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(new String(in.readNBytes(len), StandardCharsets.US_ASCII)).isEqualTo("6");
      }
    }
  }

  @Test
  void aBodyThatArrivesAfterItsHeadersIsWaitedFor() throws Exception {
    URI u = server.uri();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      String body = "{\"action\":\"version\"}";
      out.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length() + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300);
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readUntil(s.getInputStream(), "\r\n\r\n")).startsWith("HTTP/1.1 200");
    }
  }

  private static String readUntil(InputStream in, String end) throws Exception {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith(end)) {
      int b = in.read();
      if (b < 0) break;
      sb.append((char) b);
    }
    return sb.toString();
  }

  @Test
  void nonAsciiIsEscapedLikePythonJson() throws Exception {
    server.result("createDeck", "{\"deck\":\"Español\"}");
    assertThat(server.post("{\"action\":\"deckNames\"}").body()).contains("Espa\\u00F1ol".substring(0, 6));
  }

  @Test
  void apiLogPathReceivesRequestsAndReplies(@TempDir Path other) throws Exception {
    Path log = other.resolve("api.log");
    java.nio.file.Files.writeString(other.resolve("config.json"),
        "{\"apiLogPath\": \"" + log.toString().replace("\\", "/") + "\", \"webCorsOriginList\": [\"http://localhost\"]}");
    ServerConfig cfg = ServerConfig.read(other.resolve("config.json"));
    try (TestServer logged = new TestServer(other.resolve("base"), cfg)) {
      logged.post("{\"action\":\"version\",\"version\":6}");
    }
    String text = java.nio.file.Files.readString(log);
    assertThat(text).contains("[request]").contains("\"action\" : \"version\"").contains("[reply]").contains("\"result\" : 6");
  }

  @Test
  void manyClientsAtOnceAreAllServedAndWritesDoNotInterfere() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
    try {
      List<java.util.concurrent.Future<String>> replies = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        replies.add(pool.submit(() -> n % 2 == 0
            ? server.post("{\"action\":\"createDeck\",\"params\":{\"deck\":\"Parallel::D" + (n % 20) + "\"}}").body()
            : server.post("{\"action\":\"deckNames\"}").body()));
      }
      for (java.util.concurrent.Future<String> f : replies) assertThat(f.get()).doesNotContain("error");
    } finally {
      pool.shutdown();
    }
    assertThat(server.result("deckNames", "{}")).hasSize(1 + 1 + 10);
  }

  @Test
  void aForeignHostNameOnALoopbackServerIsRefused() throws Exception {
    URI u = server.uri();
    for (String host : List.of("evil.example", "localhost", "127.0.0.1:" + u.getPort())) {
      try (Socket s = new Socket(u.getHost(), u.getPort())) {
        String body = "{\"action\":\"version\"}";
        s.getOutputStream().write(("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        String head = readUntil(s.getInputStream(), "\r\n\r\n");
        assertThat(head).as(host).startsWith(host.equals("evil.example") ? "HTTP/1.1 403" : "HTTP/1.1 200");
      }
    }
  }
}
