package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AnkiConnect's origin rules with the default {@code webCorsOriginList} of
 * {@code ["http://localhost"]} ({@code plugin/web.py, WebServer.allowOrigin} and
 * {@code handlerWrapper}), the preflight, and {@code requestPermission}, which passes the gate.
 */
@ExtendWith(TestServerExtension.class)
class OriginsTest {
  private static final String VERSION = """
      {"action": "version"}
      """;
  private static final String REQUEST_PERMISSION = """
      {"action": "requestPermission", "version": 6}
      """;

  @Test
  void aBrowserExtensionOriginIsAllowedAndEchoed(TestServer server) throws Exception {
    HttpResponse<String> reply = server.post(VERSION, "Origin", "chrome-extension://abc");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).hasValue("chrome-extension://abc");
  }

  @Test
  void theLoopbackAddressOnAnyPortIsAllowed(TestServer server) throws Exception {
    assertThat(server.post(VERSION, "Origin", "http://127.0.0.1:5000").statusCode()).isEqualTo(200);
  }

  @Test
  void anotherLocalhostPortIsForbiddenWithAnEmptyBody(TestServer server) throws Exception {
    HttpResponse<String> other = server.post(VERSION, "Origin", "http://localhost:3000");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).isEmpty();
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost");
  }

  @Test
  void httpsOnTheLoopbackAddressIsForbidden(TestServer server) throws Exception {
    assertThat(server.post(VERSION, "Origin", "https://127.0.0.1:8443").statusCode()).isEqualTo(403);
  }

  @Test
  void aForeignOriginDoesNotEvenGetTheBanner(TestServer server) throws Exception {
    assertThat(server.post("", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void preflightIsOkForAnyOriginWithoutListingMethods(TestServer server) throws Exception {
    HttpResponse<String> r = preflight(server);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).hasValue("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void preflightGrantsPrivateNetworkAccessWhenAsked(TestServer server) throws Exception {
    assertThat(preflight(server).headers().firstValue("Access-Control-Allow-Private-Network")).hasValue("true");
  }

  @Test
  void requestPermissionFromAnUnlistedOriginAnswersDenied(TestServer server) throws Exception {
    HttpResponse<String> denied = server.post(REQUEST_PERMISSION, "Origin", "http://localhost:3000");
    assertThat(denied.statusCode()).isEqualTo(200);
    assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    assertThat(json(denied.body()).get("result").get("permission").asText()).isEqualTo("denied");
  }

  @Test
  void requestPermissionFromAnAllowedOriginIsGranted(TestServer server) throws Exception {
    JsonNode granted = json(server.post(REQUEST_PERMISSION).body());
    assertThat(granted.get("result")).isEqualTo(json("""
        {"permission": "granted", "requireApikey": false, "version": 6}
        """));
  }

  private static HttpResponse<String> preflight(TestServer server) throws Exception {
    HttpRequest pre = HttpRequest.newBuilder(server.uri()).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000").header("Access-Control-Request-Private-Network", "true").build();
    return server.client.send(pre, HttpResponse.BodyHandlers.ofString());
  }
}
