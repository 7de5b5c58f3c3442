package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code apiKey} check ({@code plugin/__init__.py, AnkiConnect.handler}): compared with the
 * request's {@code key} before the action is looked up, and again for each {@code multi}
 * sub-request.
 */
@ExtendWith(TestServerExtension.class)
class ApiKeyTest {
  private static final String REFUSED = "valid api key must be provided";

  private static TestServer keyed(TestServer server) throws Exception {
    return server.useConfig(ServerConfig.defaults().withApiKey(new TextNode("s3cret")));
  }

  @Test
  void aRequestWithoutTheKeyIsRefusedBeforeTheActionIsLookedUp(TestServer server) throws Exception {
    assertThat(json(keyed(server).post("""
        {"action": "nope"}
        """).body()).get("error").asText()).isEqualTo(REFUSED);
  }

  @Test
  void aRequestWithTheKeyRunsTheAction(TestServer server) throws Exception {
    assertThat(keyed(server).post("""
        {"action": "version", "key": "s3cret"}
        """).body()).isEqualTo("6");
  }

  @Test
  void eachMultiSubRequestNeedsTheKeyToo(TestServer server) throws Exception {
    assertThat(json(keyed(server).post("""
        {"action": "multi", "key": "s3cret", "params": {"actions": [
          {"action": "version", "key": "s3cret"},
          {"action": "version"}
        ]}}
        """).body())).isEqualTo(json("""
        [6, {"result": null, "error": "valid api key must be provided"}]
        """));
  }

  @Test
  void requestPermissionTellsThatAKeyIsRequired(TestServer server) throws Exception {
    assertThat(json(keyed(server).post("""
        {"action": "requestPermission", "version": 6}
        """).body()).get("result").get("requireApikey").asBoolean()).isTrue();
  }

  @Test
  void aKeyIsRefusedWhenNoneIsConfigured(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "version", "key": "x"}
        """).body()).get("error").asText()).isEqualTo(REFUSED);
  }

  @Test
  void theKeyMayComeAsABearerToken(TestServer server) throws Exception {
    assertThat(keyed(server).post("""
        {"action": "version"}
        """, "Authorization", "Bearer s3cret").body()).isEqualTo("6");
  }

  @Test
  void aBearerTokenStandsForTheKeyOfEveryMultiSubRequest(TestServer server) throws Exception {
    assertThat(json(keyed(server).post("""
        {"action": "multi", "params": {"actions": [{"action": "version"}]}}
        """, "Authorization", "Bearer s3cret").body())).isEqualTo(json("[6]"));
  }

  @Test
  void aWrongBearerTokenIsRefused(TestServer server) throws Exception {
    assertThat(json(keyed(server).post("""
        {"action": "version"}
        """, "Authorization", "Bearer s3cre").body()).get("error").asText()).isEqualTo(REFUSED);
  }

  @Test
  void aBearerTokenMeansNothingWhenNoKeyIsConfigured(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "version", "key": "x"}
        """, "Authorization", "Bearer x").body()).get("error").asText()).isEqualTo(REFUSED);
  }

  @Test
  void aNumericKeyEqualsItsFloatAsInPython(TestServer server) throws Exception {
    server.useConfig(ServerConfig.defaults().withApiKey(json("1")));
    assertThat(server.post("""
        {"action": "version", "key": 1.0}
        """).body()).isEqualTo("6");
  }
}
