package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AnkiConnect's web layer over real HTTP ({@code plugin/web.py, WebServer.handlerWrapper} and
 * {@code WebClient.parseRequest}): the banner, the envelope, paths and methods, and the
 * connection handling ankid adds (keep-alive, parallel clients, the Host check).
 */
@ExtendWith(TestServerExtension.class)
class TransportTest {

  @Test
  void emptyBodyGetsTheBannerWhateverTheMethod(TestServer server) throws Exception {
    HttpResponse<String> get = server.client.send(HttpRequest.newBuilder(server.uri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(json(get.body())).isEqualTo(json("""
        {"apiVersion": "AnkiConnect v.6"}
        """));
    assertThat(get.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void versionFourOrNoneRepliesWithTheBareResult(TestServer server) throws Exception {
    assertThat(server.post("""
        {"action": "deckNames"}
        """).body()).isEqualTo("[\"Default\"]");
    assertThat(server.post("""
        {"action": "deckNames", "version": 4}
        """).body()).isEqualTo("[\"Default\"]");
  }

  @Test
  void versionFiveAndAboveWrapTheResultInAnEnvelope(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "deckNames", "version": 5}
        """).body())).isEqualTo(json("""
        {"result": ["Default"], "error": null}
        """));
  }

  @Test
  void errorsAreEnvelopedWhateverTheVersion(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "nope"}
        """).body())).isEqualTo(json("""
        {"result": null, "error": "unsupported action"}
        """));
  }

  @Test
  void anyPathAndMethodRunsTheAction(TestServer server) throws Exception {
    HttpRequest put = HttpRequest.newBuilder(server.uri().resolve("/some/path?x=1"))
        .method("PUT", HttpRequest.BodyPublishers.ofString("""
            {"action": "version"}
            """)).build();
    assertThat(server.client.send(put, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("6");
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection(TestServer server) throws Exception {
    URI u = server.uri();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(request("localhost", "{\"action\": \"version\"}"));
        out.flush();
        String head = readUntil(in, "\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200");
        int len = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        assertThat(new String(in.readNBytes(len), StandardCharsets.US_ASCII)).isEqualTo("6");
      }
    }
  }

  @Test
  void nonAsciiIsEscapedLikePythonJson(TestServer server) throws Exception {
    server.result("createDeck", """
        {"deck": "Español"}
        """);
    assertThat(server.post("""
        {"action": "deckNames"}
        """).body()).contains("Espa\\u00F1ol".substring(0, 6));
  }

  @Test
  void apiLogPathReceivesRequestsAndReplies(TestServer server, @TempDir Path logs) throws Exception {
    Path log = logs.resolve("api.log");
    Path config = Files.writeString(server.base().resolve("config.json"), """
        {"apiLogPath": "%s", "webCorsOriginList": ["http://localhost"]}
        """.formatted(log.toString().replace("\\", "/")));
    server.useConfig(ServerConfig.read(config));
    server.post("""
        {"action": "version", "version": 6}
        """);
    server.stop();
    assertThat(Files.readString(log))
        .contains("[request]").contains("\"action\" : \"version\"").contains("[reply]").contains("\"result\" : 6");
  }

  @Test
  void manyClientsAtOnceAreAllServedAndWritesDoNotInterfere(TestServer server) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        replies.add(pool.submit(() -> n % 2 == 0
            ? server.post("""
                {"action": "createDeck", "params": {"deck": "Parallel::D%d"}}
                """.formatted(n % 20)).body()
            : server.post("""
                {"action": "deckNames"}
                """).body()));
      }
      for (Future<String> f : replies) assertThat(f.get()).doesNotContain("error");
    } finally {
      pool.shutdown();
    }
    assertThat(server.result("deckNames", "{}")).hasSize(1 + 1 + 10);
  }

  @Test
  void aForeignHostNameOnALoopbackServerIsRefused(TestServer server) throws Exception {
    URI u = server.uri();
    for (String host : List.of("evil.example", "localhost", "127.0.0.1:" + u.getPort())) {
      try (Socket s = new Socket(u.getHost(), u.getPort())) {
        s.getOutputStream().write(request(host, "{\"action\": \"version\"}"));
        String head = readUntil(s.getInputStream(), "\r\n\r\n");
        assertThat(head).as(host).startsWith(host.equals("evil.example") ? "HTTP/1.1 403" : "HTTP/1.1 200");
      }
    }
  }

  @Test
  void aBodyThatArrivesAfterItsHeadersIsWaitedFor(TestServer server) throws Exception {
    URI u = server.uri();
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(10_000);
      byte[] whole = request("localhost", "{\"action\": \"version\"}");
      int headers = new String(whole, StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4;
      OutputStream out = s.getOutputStream();
      out.write(whole, 0, headers);
      out.flush();
      Thread.sleep(300);
      out.write(whole, headers, whole.length - headers);
      out.flush();
      assertThat(readUntil(s.getInputStream(), "\r\n\r\n")).startsWith("HTTP/1.1 200");
    }
  }

  private static byte[] request(String host, String body) {
    return ("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
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
}
