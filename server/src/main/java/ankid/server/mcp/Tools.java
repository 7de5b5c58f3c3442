package ankid.server.mcp;

import ankid.server.api.ActionDocs;
import ankid.server.api.ActionRegistry;
import ankid.server.api.ActionRegistry.ActionSpec;
import ankid.server.api.Effect;
import ankid.server.gate.ConfirmMode;
import ankid.server.gate.RequestEffect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every action as an MCP tool of the same name. A call becomes one AnkiConnect request to the
 * {@link Backend}. A tool the MCP confirmation mode gates is first sent as a preview request; so is
 * any call the backend's own gate holds back. Such a call is then confirmed by the person through
 * MCP elicitation when the client supports it, and otherwise returns the preview and its token as
 * text (not an error): the agent shows it to the person and calls again with {@code confirm}.
 */
final class Tools {
  private static final Logger LOG = Logger.getLogger(Tools.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActionRegistry registry;
  private final Backend backend;
  private final ConfirmMode mode;

  Tools(ActionRegistry registry, Backend backend, ConfirmMode mode) {
    this.registry = registry;
    this.backend = backend;
    this.mode = mode;
  }

  List<SyncToolSpecification> specifications() {
    ActionDocs docs = ActionDocs.load();
    return registry.specs().stream().map(a -> SyncToolSpecification.builder()
        .tool(McpSchema.Tool.builder()
            .name(a.name())
            .description(describe(a, docs))
            .inputSchema(ToolSchemas.input(a))
            .annotations(McpSchema.ToolAnnotations.builder()
                .readOnlyHint(a.effect() == Effect.READ_ONLY)
                .destructiveHint(a.effect() == Effect.DESTRUCTIVE)
                .idempotentHint(a.idempotent())
                .build())
            .build())
        .callHandler((exchange, request) -> call(a, exchange, request))
        .build()).toList();
  }

  private String describe(ActionSpec a, ActionDocs docs) {
    String text = docs.of(a.name()).orElse("The AnkiConnect action " + a.name() + ".");
    if (a.effect() == Effect.READ_ONLY) return text;
    String kind = a.effect() == Effect.DESTRUCTIVE ? " Destructive." : " Changes the collection.";
    String gated = mode.gates(a.effect())
        ? " The person confirms it first: a call without confirm returns a preview and changes nothing." : "";
    return text + kind + gated;
  }

  CallToolResult call(ActionSpec action, McpSyncServerExchange exchange, CallToolRequest call) {
    Map<String, Object> args = new LinkedHashMap<>(call.arguments() == null ? Map.of() : call.arguments());
    Object token = args.remove(ToolSchemas.CONFIRM);
    JsonNode params = JSON.valueToTree(args);
    ObjectNode request = backend.request(action.name(), params);
    if (token != null) {
      request.put("confirm", token.toString());
    } else if (mode.gates(RequestEffect.of(registry, action.name(), params))) {
      request.put("preview", true);
    }
    try {
      JsonNode reply = backend.send(request);
      if (isHeld(reply)) return held(exchange, request, reply);
      return answer(reply);
    } catch (IOException e) {
      return error("ankid could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    }
  }

  private CallToolResult held(McpSyncServerExchange exchange, ObjectNode request, JsonNode reply)
      throws IOException, InterruptedException {
    if (!canElicit(exchange)) {
      String text = reply.path("error").asText() + "\n\nNothing has changed. Show the person this preview; only if"
          + " they agree, call " + request.path("action").asText() + " again with the same arguments plus \"confirm\": \""
          + reply.get("confirm").asText() + "\" (valid " + reply.at("/preview/expiresInSeconds").asLong()
          + " s, once).\n\nPreview:\n" + pretty(reply.get("preview"));
      return CallToolResult.builder().addTextContent(text).isError(false).build();
    }
    ElicitResult answer = exchange.createElicitation(McpSchema.ElicitRequest.builder()
        .message(PreviewText.of(reply))
        .requestedSchema(Map.of("type", "object",
            "properties", Map.of("apply", Map.of("type", "boolean", "title", "Apply this change",
                "description", "Yes applies it; anything else changes nothing.", "default", false)),
            "required", List.of("apply")))
        .build());
    boolean yes = answer.action() == ElicitResult.Action.ACCEPT && answer.content() != null
        && Boolean.TRUE.equals(answer.content().get("apply"));
    if (!yes) {
      return CallToolResult.builder().addTextContent("The person did not confirm ("
          + reply.path("error").asText().replaceFirst("^confirmation required: ", "") + "): nothing changed.")
          .isError(false).build();
    }
    request.remove("preview");
    request.put("confirm", reply.get("confirm").asText());
    JsonNode applied = backend.send(request);
    if (isHeld(applied)) return error(applied.path("error").asText());
    return answer(applied);
  }

  private static boolean canElicit(McpSyncServerExchange exchange) {
    McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
    return caps != null && caps.elicitation() != null;
  }

  private static boolean isHeld(JsonNode reply) {
    return reply.path("confirm").isTextual() && reply.has("preview");
  }

  private static CallToolResult answer(JsonNode reply) {
    JsonNode error = reply.path("error");
    if (!error.isNull() && !error.isMissingNode()) return error(error.asText());
    try {
      return CallToolResult.builder().addTextContent(JSON.writeValueAsString(reply.get("result"))).isError(false).build();
    } catch (JsonProcessingException e) {
      LOG.log(Level.WARNING, "cannot write a result", e);
      return error(e.getMessage());
    }
  }

  private static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private static String pretty(JsonNode node) throws JsonProcessingException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }
}
