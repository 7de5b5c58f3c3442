package ankid.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.api.ActionRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool input schemas come from the actions' Java signatures. */
class ToolSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private JsonNode schema(String action) {
    ActionRegistry registry = new Api(ServerConfig.defaults(), new Profiles(dir, Clock.systemUTC())).registry();
    return JSON.valueToTree(ToolSchemas.input(registry.spec(action).orElseThrow()));
  }

  @Test
  void typesDefaultsAndRequiredParameters() throws Exception {
    assertThat(schema("getIntervals")).isEqualTo(JSON.readTree("""
        {"type": "object", "properties": {
          "cards": {"type": "array", "items": {"type": "integer"}},
          "complete": {"type": "boolean", "default": false}},
         "required": ["cards"]}"""));
  }

  @Test
  void aReadOnlyToolHasNoConfirmArgumentAndAnOptionalQuery() throws Exception {
    assertThat(schema("findNotes")).isEqualTo(JSON.readTree("""
        {"type": "object", "properties": {"query": {"type": "string"}}}"""));
  }

  @Test
  void aToolThatChangesThingsTakesTheConfirmationToken() {
    JsonNode s = schema("deleteNotes");
    assertThat(s.at("/properties/confirm/type").asText()).isEqualTo("string");
    assertThat(s.get("required")).hasSize(1);
  }

  @Test
  void rawJsonParametersAcceptAnyValue() throws Exception {
    assertThat(schema("addNote").at("/properties/note")).isEqualTo(JSON.readTree("{}"));
  }
}
