package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.api.Downloader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Media URLs (storeMediaFile, and the media of notes) through the guarded downloader. Host names
 * resolve through a stub, so a refused destination is refused without any traffic; the only
 * server ever reached is {@link #origin} on 127.0.0.1.
 */
@ExtendWith(TestServerExtension.class)
class MediaUrlGuardTest {
  private HttpServer origin;
  private final AtomicLong bytesSent = new AtomicLong();

  /** metadata.test is where clouds serve credentials; local.test is the origin on loopback. */
  private static final Downloader.Resolver STUB = host -> switch (host) {
    case "metadata.test" -> List.of(InetAddress.getByName("169.254.169.254"));
    case "intranet.test" -> List.of(InetAddress.getByName("10.1.2.3"));
    case "local.test", "127.0.0.1" -> List.of(InetAddress.getByName("127.0.0.1"));
    default -> throw new UnknownHostException(host);
  };

  @BeforeEach
  void startOrigin() throws IOException {
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    origin.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    origin.createContext("/image.png", x -> reply(x, "PNG".getBytes(StandardCharsets.US_ASCII)));
    origin.createContext("/to-metadata", x -> {
      x.getResponseHeaders().add("Location", "http://metadata.test/latest/meta-data/");
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    origin.createContext("/endless", x -> {
      x.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = x.getResponseBody()) {
        while (bytesSent.get() < 1L << 30) {
          out.write(chunk);
          bytesSent.addAndGet(chunk.length);
        }
      } catch (IOException cutOff) {
        // the downloader stopped reading
      }
    });
    origin.createContext("/trickle", x -> {
      x.sendResponseHeaders(200, 0);
      try (OutputStream out = x.getResponseBody()) {
        for (int i = 0; i < 100; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(200);
        }
      } catch (IOException | InterruptedException cutOff) {
        // the downloader gave up
      }
    });
    origin.createContext("/slow.png", x -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(x, "SLOW".getBytes(StandardCharsets.US_ASCII));
    });
    origin.start();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange x, byte[] body) throws IOException {
    x.sendResponseHeaders(200, body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stopOrigin() {
    origin.stop(0);
  }

  private String url(String host, String path) {
    return "http://" + host + ":" + origin.getAddress().getPort() + path;
  }

  private static TestServer guarded(TestServer server, boolean exposed, List<String> allowedNetworks) throws Exception {
    Exposure exposure = new Exposure(exposed, Optional.empty(), allowedNetworks);
    return server.useSafeguards(Safeguards.defaults().withExposure(exposure).withResolver(STUB));
  }

  private static String store(TestServer server, String url) throws Exception {
    return server.call("storeMediaFile", """
        {"filename": "got.png", "url": "%s"}
        """.formatted(url)).toString();
  }

  @Test
  void aLoopbackServerFetchesFromLoopbackAsAnkiConnectDoes(TestServer server) throws Exception {
    assertThat(store(guarded(server, false, List.of()), url("local.test", "/image.png"))).isEqualTo("""
        {"result":"got.png","error":null}""");
  }

  @Test
  void aCloudMetadataAddressIsAlwaysRefused(TestServer server) throws Exception {
    assertThat(store(guarded(server, false, List.of()), "http://metadata.test/latest/meta-data/")).isEqualTo("""
        {"result":null,"error":"download refused: metadata.test is 169.254.169.254, a link-local or cloud metadata address"}""");
  }

  @Test
  void anExposedServerRefusesLoopback(TestServer server) throws Exception {
    assertThat(store(guarded(server, true, List.of()), url("local.test", "/image.png"))).isEqualTo("""
        {"result":null,"error":"download refused: local.test is 127.0.0.1, a loopback address"}""");
  }

  @Test
  void anExposedServerRefusesALoopbackAddressWrittenAsSuch(TestServer server) throws Exception {
    assertThat(store(guarded(server, true, List.of()), url("127.0.0.1", "/image.png"))).contains("a loopback address");
  }

  @Test
  void anExposedServerRefusesPrivateNetworks(TestServer server) throws Exception {
    assertThat(store(guarded(server, true, List.of()), "http://intranet.test/x.png")).isEqualTo("""
        {"result":null,"error":"download refused: intranet.test is 10.1.2.3, a private network address"}""");
  }

  @Test
  void anExposedServerFetchesFromNetworksItsConfigAllows(TestServer server) throws Exception {
    assertThat(store(guarded(server, true, List.of("127.0.0.0/8")), url("local.test", "/image.png"))).isEqualTo("""
        {"result":"got.png","error":null}""");
  }

  @Test
  void aRedirectIsCheckedLikeTheFirstDestination(TestServer server) throws Exception {
    assertThat(store(guarded(server, false, List.of()), url("local.test", "/to-metadata"))).isEqualTo("""
        {"result":null,"error":"download refused: metadata.test is 169.254.169.254, a link-local or cloud metadata address"}""");
  }

  @Test
  void onlyHttpAndHttpsAreFetched(TestServer server) throws Exception {
    assertThat(store(guarded(server, false, List.of()), "file:///etc/passwd")).isEqualTo("""
        {"result":null,"error":"unknown url type: 'file:///etc/passwd'"}""");
  }

  @Test
  void aBodyLargerThanTheLimitIsCutOffWhileItStreams(TestServer server) throws Exception {
    server.useSafeguards(Safeguards.defaults().withResolver(STUB)
        .withLimits(ServerLimits.defaults().withDownloads(1024 * 1024, Duration.ofSeconds(30))));
    assertThat(store(server, url("local.test", "/endless"))).contains("larger than 1048576 bytes");
    assertThat(bytesSent.get()).isLessThan(64L * 1024 * 1024);
    assertThat(Files.exists(server.collection().mediaFolder().resolve("got.png"))).isFalse();
  }

  @Test
  void aDownloadEndsAtTheTotalTimeLimit(TestServer server) throws Exception {
    server.useSafeguards(Safeguards.defaults().withResolver(STUB)
        .withLimits(ServerLimits.defaults().withDownloads(1024 * 1024, Duration.ofSeconds(1))));
    long start = System.nanoTime();
    assertThat(store(server, url("local.test", "/trickle"))).contains("took longer than 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aSlowUrlDoesNotHoldUpOtherClients(TestServer server) throws Exception {
    guarded(server, false, List.of()).uri();
    CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
      try {
        return server.result("addNote", """
            {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "slow", "Back": ""},
             "picture": [{"filename": "slow.png", "url": "%s", "fields": ["Back"]}]}}
            """.formatted(url("local.test", "/slow.png"))).toString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(500);
    long start = System.nanoTime();
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("[\"Default\"]"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(slow.get()).matches("\\d+");
    assertThat(server.result("notesInfo", "{\"query\": \"slow\"}").get(0).get("fields").get("Back").get("value").asText())
        .isEqualTo("<img src=\"slow.png\">");
  }

  @Test
  void aMediaUrlInAMultiIsFetchedBeforeTheBatchRuns(TestServer server) throws Exception {
    guarded(server, false, List.of());
    assertThat(server.result("multi", """
        {"actions": [{"action": "storeMediaFile", "version": 6, "params": {"filename": "m.png", "url": "%s"}}]}
        """.formatted(url("local.test", "/image.png")))).isEqualTo(json("""
        [{"result": "m.png", "error": null}]
        """));
    assertThat(Map.of("m.png", Files.readString(server.collection().mediaFolder().resolve("m.png"))))
        .containsEntry("m.png", "PNG");
  }
}
