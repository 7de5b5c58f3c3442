package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code multi} and {@code apiReflect} ({@code plugin/__init__.py, AnkiConnect.multi, apiReflect}). */
@ExtendWith(TestServerExtension.class)
class MiscActionsTest {

  @Test
  void multiRunsEachSubRequestWithItsOwnVersion(TestServer server) throws Exception {
    assertThat(json(server.post("""
        {"action": "multi", "version": 6, "params": {"actions": [
          {"action": "deckNames"},
          {"action": "deckNames", "version": 6},
          {"action": "nope"},
          {"params": {}}
        ]}}
        """).body())).isEqualTo(json("""
        {"result": [
          ["Default"],
          {"result": ["Default"], "error": null},
          {"result": null, "error": "unsupported action"},
          {"result": null, "error": "unsupported action"}
        ], "error": null}
        """));
  }

  @Test
  void aSubRequestThatIsNotAnObjectIsAnError(TestServer server) throws Exception {
    assertThat(server.error("multi", """
        {"actions": [1]}
        """)).isNotEmpty();
  }

  @Test
  void apiReflectKeepsOnlyKnownScopesAndActions(TestServer server) throws Exception {
    assertThat(server.result("apiReflect", """
        {"scopes": ["actions", "invalidType"], "actions": ["apiReflect", "invalidMethod"]}
        """)).isEqualTo(json("""
        {"scopes": ["actions"], "actions": ["apiReflect"]}
        """));
  }

  @Test
  void apiReflectListsEveryActionInOrder(TestServer server) throws Exception {
    List<String> names = new ArrayList<>();
    server.result("apiReflect", """
        {"scopes": ["actions"]}
        """).get("actions").forEach(n -> names.add(n.asText()));
    assertThat(names).contains("deckNames", "multi", "version").isSorted();
  }

  @Test
  void apiReflectWithNoScopesReflectsNothing(TestServer server) throws Exception {
    assertThat(server.result("apiReflect", """
        {"scopes": []}
        """)).isEqualTo(json("""
        {"scopes": []}
        """));
  }

  @Test
  void apiReflectNeedsAListOfScopes(TestServer server) throws Exception {
    assertThat(server.error("apiReflect", "{}")).isEqualTo("scopes has invalid value");
  }

  @Test
  void apiReflectNeedsAListOfActions(TestServer server) throws Exception {
    assertThat(server.error("apiReflect", """
        {"scopes": ["actions"], "actions": 1}
        """)).isEqualTo("actions has invalid value");
  }
}
