package ankid.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.TestServer;
import ankid.server.api.ActionRegistry.ActionSpec;
import ankid.server.api.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action that can change something, in both gating modes, over HTTP: held back with a
 * preview exactly when the mode gates its effect, nothing changed while held, and applied when
 * confirmed with the token.
 */
class EveryChangingActionTest {
  @TempDir static Path dir;
  static GateFixture fixture;
  static TestServer destructive;
  static TestServer modifying;

  @BeforeAll
  static void start() throws Exception {
    fixture = new GateFixture(dir);
    destructive = new TestServer(dir.resolve("destructive"), ConfirmSettings.of(ConfirmMode.DESTRUCTIVE,
        ConfirmSettings.DEFAULT_EXPIRY), Clock.systemUTC());
    modifying = new TestServer(dir.resolve("modifying"), ConfirmSettings.of(ConfirmMode.MODIFYING,
        ConfirmSettings.DEFAULT_EXPIRY), Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    destructive.close();
    modifying.close();
  }

  static Stream<ActionSpec> changingActions() {
    Api api = new Api(ServerConfig.defaults(), new Profiles(dir.resolve("unused"), Clock.systemUTC()));
    return api.registry().specs().stream().filter(a -> a.effect() != Effect.READ_ONLY);
  }

  @Test
  void everyChangingActionHasAnExampleAndAPreviewOfItsOwn() {
    Set<String> changing = changingActions().map(ActionSpec::name).collect(Collectors.toSet());
    assertThat(fixture.examples("p").keySet())
        .as("add the new action to examples.json so the gate is tested on it (with \"$previewOnly\": true"
            + " when it cannot run in a test)")
        .containsExactlyInAnyOrderElementsOf(changing);
    Previews previews = Previews.standard();
    assertThat(changing.stream().filter(a -> !a.equals("multi") && !previews.has(a)))
        .as("give the new action a preview in gate/*Previews").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("changingActions")
  void inDestructiveModeOnlyDestructiveActionsWait(ActionSpec action) throws Exception {
    check(destructive, ConfirmMode.DESTRUCTIVE, action);
  }

  @ParameterizedTest
  @MethodSource("changingActions")
  void inModifyingModeEveryChangingActionWaits(ActionSpec action) throws Exception {
    check(modifying, ConfirmMode.MODIFYING, action);
  }

  private static void check(TestServer server, ConfirmMode mode, ActionSpec action) throws Exception {
    String profile = fixture.freshCopy(server);
    ObjectNode example = (ObjectNode) GateFixture.parse(fixture.examples(profile).get(action.name()));
    boolean previewOnly = example.remove(GateFixture.PREVIEW_ONLY) != null;
    String params = example.toString();
    if (previewOnly && !mode.gates(action.effect())) return; // it would run, which it cannot here
    CollectionSnapshot before = CollectionSnapshot.of(server.collection());
    JsonNode reply = server.call(action.name(), params);
    if (!mode.gates(action.effect())) {
      assertThat(reply.has("confirm")).isFalse();
      assertThat(reply.get("error").isNull()).as(reply.toString()).isTrue();
      return;
    }
    assertThat(reply.get("result").isNull()).isTrue();
    assertThat(reply.get("error").asText()).startsWith("confirmation required: ");
    assertThat(reply.path("preview").path("action").asText()).isEqualTo(action.name());
    assertThat(reply.path("preview").path("effect").asText()).isEqualTo(action.effect().wireName());
    assertThat(CollectionSnapshot.of(server.collection())).isEqualTo(before);
    if (previewOnly) return;
    String body = "{\"action\": \"" + action.name() + "\", \"version\": 6, \"params\": " + params
        + ", \"confirm\": \"" + reply.get("confirm").asText() + "\"}";
    JsonNode applied = GateFixture.parse(server.post(body).body());
    assertThat(applied.has("confirm")).isFalse();
    assertThat(applied.get("error").isNull()).as(applied.toString()).isTrue();
  }
}
