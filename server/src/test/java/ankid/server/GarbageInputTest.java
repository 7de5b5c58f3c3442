package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every action, fed values of the wrong kind under every common parameter name, answers with an
 * AnkiConnect envelope: never an HTML error page, a dropped connection or a Java exception text.
 */
@ExtendWith(TestServerExtension.class)
class GarbageInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VALUES = List.of(
      "null", "1", "\"x\"", "[]", "{}", "[null]", "[\"a\"]", "{\"a\":1}", "-1", "1.5", "true", "[{}]", "[[1]]");
  private static final List<String> PARAMS = List.of("cards", "notes", "note", "deck", "decks", "query", "modelName",
      "filename", "config", "configId", "actions", "answers", "reviews", "card", "days", "model", "tags", "name",
      "modelIds", "modelNames", "deckId", "modelId", "fields", "keys", "newValues", "data", "path");

  @Test
  void everyActionAnswersGarbageWithAnEnvelope(TestServer server) throws Exception {
    JsonNode names = server.result("apiReflect", """
        {"scopes": ["actions"]}
        """).get("actions");
    List<String> javaLeaks = new ArrayList<>();
    for (JsonNode action : names) {
      for (String param : PARAMS) {
        for (String value : VALUES) {
          ObjectNode req = JSON.createObjectNode().put("action", action.asText()).put("version", 6);
          req.putObject("params").set(param, JSON.readTree(value));
          HttpResponse<String> r = server.post(req.toString());
          assertThat(r.statusCode()).as("%s %s=%s", action, param, value).isEqualTo(200);
          JsonNode reply = JSON.readTree(r.body());
          assertThat(reply.has("error")).as("%s %s=%s", action, param, value).isTrue();
          String error = reply.path("error").asText("");
          if (error.contains("java.") || error.contains("Cannot invoke") || error.contains("Exception")) {
            javaLeaks.add(action.asText() + " " + param + "=" + value + ": " + error);
          }
        }
      }
    }
    assertThat(javaLeaks).isEmpty();
  }
}
