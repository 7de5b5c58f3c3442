package ankid.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an agent should read before acting: the search syntax, and the collection's decks and
 * notetypes (read through read-only actions, so they work against a running server too).
 */
final class Resources {
  static final String SEARCH_SYNTAX = "ankid://search-syntax";
  static final String DECKS = "ankid://decks";
  static final String NOTETYPES = "ankid://notetypes";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Backend backend;

  Resources(Backend backend) {
    this.backend = backend;
  }

  List<SyncResourceSpecification> specifications() {
    return List.of(
        resource(SEARCH_SYNTAX, "search-syntax", "text/markdown",
            "Anki's search language, as findNotes, findCards and notesInfo take it.", Resources::searchSyntax),
        resource(DECKS, "decks", "application/json",
            "Every deck: its full name (\"Parent::Child\") and id.", this::decks),
        resource(NOTETYPES, "notetypes", "application/json",
            "Every notetype (model): name, id, kind (standard or cloze), field names and card types.",
            this::notetypes));
  }

  private static SyncResourceSpecification resource(String uri, String name, String mime, String description,
      Supplier<String> text) {
    McpSchema.Resource r = McpSchema.Resource.builder().uri(uri).name(name).mimeType(mime).description(description).build();
    return new SyncResourceSpecification(r, (exchange, request) ->
        new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, mime, text.get()))));
  }

  static String searchSyntax() {
    try (InputStream in = Resources.class.getResourceAsStream("/ankid/server/mcp/search-syntax.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String decks() {
    JsonNode byName = call("deckNamesAndIds", JSON.createObjectNode());
    ArrayNode out = JSON.createArrayNode();
    List<String> names = new ArrayList<>();
    byName.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    for (String n : names) out.addObject().put("name", n).put("id", byName.get(n).asLong());
    return out.toString();
  }

  private String notetypes() {
    JsonNode names = call("modelNames", JSON.createObjectNode());
    ObjectNode params = JSON.createObjectNode();
    params.set("modelNames", names);
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode m : call("findModelsByName", params)) {
      ObjectNode o = out.addObject().put("name", m.path("name").asText()).put("id", m.path("id").asLong())
          .put("kind", m.path("type").asInt() == 1 ? "cloze" : "standard");
      ArrayNode fields = o.putArray("fields");
      m.path("flds").forEach(f -> fields.add(f.path("name").asText()));
      ArrayNode cardTypes = o.putArray("cardTypes");
      m.path("tmpls").forEach(t -> cardTypes.add(t.path("name").asText()));
    }
    return out.toString();
  }

  private JsonNode call(String action, JsonNode params) {
    try {
      JsonNode reply = backend.send(backend.request(action, params));
      if (!reply.path("error").isNull()) {
        throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
            reply.path("error").asText(), null));
      }
      return reply.get("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
