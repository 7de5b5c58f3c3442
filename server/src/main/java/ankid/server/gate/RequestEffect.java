package ankid.server.gate;

import ankid.server.api.ActionRegistry;
import ankid.server.api.ActionRegistry.ActionSpec;
import ankid.server.api.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request can do at worst: its action's {@link Effect}, and for a {@code multi} batch the
 * worst of what it holds (nested batches included), so one confirmation covers the whole batch.
 */
public final class RequestEffect {
  /** Nested batches deeper than this are treated as destructive rather than inspected. */
  static final int MAX_DEPTH = 8;

  private RequestEffect() {}

  public static Effect of(ActionRegistry registry, String action, JsonNode params) {
    return of(registry, action, params, 0);
  }

  static Effect of(ActionRegistry registry, String action, JsonNode params, int depth) {
    ActionSpec spec = registry.spec(action).orElse(null);
    if (spec == null) return Effect.READ_ONLY; // fails as an unsupported action, changing nothing
    if (!action.equals("multi")) return spec.effect();
    if (depth >= MAX_DEPTH) return Effect.DESTRUCTIVE;
    Effect worst = Effect.READ_ONLY;
    for (JsonNode sub : subRequests(params)) {
      worst = worst.max(of(registry, sub.get("action").asText(), subParams(sub), depth + 1));
    }
    return worst;
  }

  /** The sub-requests multi would run; empty when multi would fail before running any. */
  static List<JsonNode> subRequests(JsonNode params) {
    JsonNode actions = params == null ? null : params.get("actions");
    List<JsonNode> out = new ArrayList<>();
    if (actions == null || !actions.isArray()) return out;
    for (JsonNode a : actions) {
      if (!a.isObject()) return List.of();
      if (a.path("action").isTextual()) out.add(a);
    }
    return out;
  }

  static ObjectNode subParams(JsonNode sub) {
    JsonNode p = sub.get("params");
    return p != null && p.isObject() ? (ObjectNode) p : JsonNodeFactory.instance.objectNode();
  }
}
