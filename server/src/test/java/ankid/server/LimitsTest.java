package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link ServerLimits} on request size and shape: each refusal is an envelope, never a page. */
@ExtendWith(TestServerExtension.class)
class LimitsTest {

  private static TestServer limited(TestServer server, ServerLimits limits) throws Exception {
    return server.useSafeguards(Safeguards.defaults().withLimits(limits));
  }

  private static String ids(int count) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < count; i++) out.append(i == 0 ? "" : ",").append(1_700_000_000_000L + i);
    return out.append(']').toString();
  }

  @Test
  void theDefaultBodyLimitTakesA100MibMediaFileInBase64() {
    long base64 = (100L * 1024 * 1024 + 2) / 3 * 4;
    assertThat(ServerLimits.defaults().maxRequestBytes()).isGreaterThan(base64 + 1024);
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedWithAnEnvelopeAndTheConnectionClosed(TestServer server) throws Exception {
    limited(server, ServerLimits.defaults().withMaxRequestBytes(1000));
    HttpResponse<String> reply = server.post("{\"action\": \"notesInfo\", \"params\": {\"notes\": " + ids(200) + "}}");
    assertThat(json(reply.body())).isEqualTo(json("""
        {"result": null, "error": "the request body is larger than 1000 bytes (the server's maxRequestBytes)"}
        """));
    assertThat(reply.headers().firstValue("Connection")).hasValue("close");
  }

  @Test
  void aBodyWithMoreListItemsThanTheLimitIsRefusedBeforeAnyActionRuns(TestServer server) throws Exception {
    limited(server, ServerLimits.read(json("""
        {"maxRequestItems": 1000}
        """)));
    assertThat(json(server.post("{\"action\": \"notesInfo\", \"params\": {\"notes\": " + ids(5000) + "}}").body()))
        .isEqualTo(json("""
        {"result": null, "error": "request has more than 1000 list items and object members (the server's maxRequestItems)"}
        """));
  }

  @Test
  void fiftyMegabytesOfIdsAreRefusedQuicklyByDefault(TestServer server) throws Exception {
    String body = "{\"action\": \"notesInfo\", \"params\": {\"notes\": " + ids(3_500_000) + "}}";
    long start = System.nanoTime();
    JsonNode reply = json(server.post(body).body());
    assertThat(reply.get("error").asText()).contains("maxRequestItems");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    assertThat(server.result("deckNames", "{}")).isEqualTo(json("[\"Default\"]"));
  }

  @Test
  void aMultiLongerThanTheLimitIsRefused(TestServer server) throws Exception {
    limited(server, ServerLimits.read(json("""
        {"maxMultiActions": 2}
        """)));
    assertThat(server.error("multi", """
        {"actions": [{"action": "version"}, {"action": "version"}, {"action": "version"}]}
        """)).isEqualTo("multi has 3 actions, more than 2 (the server's maxMultiActions)");
  }

  @Test
  void actionsInsideMoreMultisThanTheLimitFailAlone(TestServer server) throws Exception {
    limited(server, ServerLimits.read(json("""
        {"maxMultiDepth": 2}
        """)));
    // "version" sits in three multis; the limit lets an action sit in two
    assertThat(server.result("multi", """
        {"actions": [{"action": "version"}, {"action": "multi", "params": {"actions": [
          {"action": "multi", "params": {"actions": [{"action": "version"}]}}
        ]}}]}
        """)).isEqualTo(json("""
        [6, [[{"result": null, "error": "multi is nested more than 2 levels deep (the server's maxMultiDepth)"}]]]
        """));
  }

  @Test
  void aVersionBeyond32BitsDoesNotWrapIntoTheBareReply(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "version", "version": 4294967302}
        """).body())).isEqualTo(json("""
        {"result": 6, "error": null}
        """));
  }

  @Test
  void aVersionBeyond64BitsIsStillGreaterThanFour(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "version", "version": 36893488147419103232}
        """).body())).isEqualTo(json("""
        {"result": 6, "error": null}
        """));
  }

  @Test
  void aHugeNegativeVersionGivesTheBareResult(TestServer server) throws Exception {
    assertThat(server.post("""
        {"action": "version", "version": -36893488147419103232}
        """).body()).isEqualTo("6");
  }

  @Test
  void jettysOwnErrorsAreEnvelopesNotHtmlPages(TestServer server) throws Exception {
    HttpResponse<String> reply = server.post("{\"action\": \"version\"}", "X-Padding", "x".repeat(20_000));
    assertThat(reply.statusCode()).isEqualTo(431);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(reply.body()).get("error").asText()).startsWith("HTTP 431");
  }
}
