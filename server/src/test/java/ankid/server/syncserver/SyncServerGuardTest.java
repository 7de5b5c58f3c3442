package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync server makes the Host and Origin checks of every ankid endpoint (EndpointGuard). */
class SyncServerGuardTest {
  @TempDir Path tmp;
  private SyncServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = new SyncServerFixture(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aForeignHostNameOnALoopbackServerIsRefused() throws Exception {
    assertThat(rawStatus("GET /health HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 403");
  }

  @Test
  void aLoopbackHostNameIsServed() throws Exception {
    assertThat(rawStatus("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void aWebPageFromAnotherOriginIsRefused() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "sync/hostKey"))
        .header("Origin", "https://attacker.example").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
  }

  private String rawStatus(String request) throws Exception {
    int port = URI.create(server.endpoint()).getPort();
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return reply.lines().findFirst().orElse("");
    }
  }
}
