package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that send slowly, on real sockets over loopback: they cost connections, never the
 * threads other clients need, and they are cut off by the header and body timeouts.
 */
@ExtendWith(TestServerExtension.class)
class SlowClientsTest {
  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void closeSockets() throws IOException {
    trickle.shutdownNow();
    for (Socket s : sockets) s.close();
  }

  private Socket connect(TestServer server) throws IOException {
    Socket s = new Socket("127.0.0.1", server.uri().getPort());
    sockets.add(s);
    return s;
  }

  private static void send(Socket s, String text) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException closedByTheServer) {
      // the server may cut a slow client off at any time
    }
  }

  /** Everything the server sends until it closes the connection, waiting at most {@code max}. */
  private static String readUntilClosed(Socket s, Duration max) throws IOException {
    s.setSoTimeout((int) max.toMillis());
    InputStream in = s.getInputStream();
    StringBuilder out = new StringBuilder();
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) out.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open longer than " + max + "; got: " + out);
    }
    return out.toString();
  }

  private static final String BODY_HEADERS =
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";

  @Test
  void ahundredConnectionsTricklingBodiesLeaveThreadsForOtherClients(TestServer server) throws Exception {
    for (int i = 0; i < 100; i++) {
      Socket s = connect(server);
      send(s, BODY_HEADERS + "{");
      trickle.scheduleAtFixedRate(() -> send(s, " "), 500, 500, TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < 10; i++) {
      HttpRequest deckNames = HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(2))
          .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"deckNames\"}")).build();
      assertThat(server.client.send(deckNames, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("[\"Default\"]");
    }
  }

  @Test
  void aBodyTricklingBelowTheMinimumRateIsCutOffWithAnEnvelope(TestServer server) throws Exception {
    server.useSafeguards(Safeguards.defaults().withLimits(
        ServerLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), 1000)));
    Socket s = connect(server);
    send(s, BODY_HEADERS + "{");
    trickle.scheduleAtFixedRate(() -> send(s, " "), 200, 200, TimeUnit.MILLISECONDS);
    String reply = readUntilClosed(s, Duration.ofSeconds(6));
    assertThat(reply).startsWith("HTTP/1.1 408").contains("Connection: close")
        .endsWith("{\"result\": null, \"error\": \"the request body did not arrive within 2 s\"}");
  }

  @Test
  void aClientTricklingHeadersIsDisconnectedAtTheHeaderTimeout(TestServer server) throws Exception {
    server.useSafeguards(Safeguards.defaults().withLimits(
        ServerLimits.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1), 1024)));
    Socket s = connect(server);
    send(s, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    trickle.scheduleAtFixedRate(() -> send(s, "X: y\r\n"), 200, 200, TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    readUntilClosed(s, Duration.ofSeconds(5));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aKeptAliveConnectionServesRequestsAfterTheHeaderTimeout(TestServer server) throws Exception {
    server.useSafeguards(Safeguards.defaults().withLimits(
        ServerLimits.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1), 1024)));
    Socket s = connect(server);
    String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 19\r\n\r\n{\"action\":\"version\"}";
    request = request.replace("Content-Length: 19", "Content-Length: 20");
    send(s, request);
    Thread.sleep(1500);
    send(s, request.replace("HTTP/1.1\r\n", "HTTP/1.1\r\nConnection: close\r\n"));
    String replies = readUntilClosed(s, Duration.ofSeconds(5));
    assertThat(replies.split("HTTP/1.1 200", -1)).hasSize(3);
  }
}
