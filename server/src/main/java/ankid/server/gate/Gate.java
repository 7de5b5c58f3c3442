package ankid.server.gate;

import ankid.engine.AnkiException;
import ankid.server.api.ActionRegistry;
import ankid.server.api.ApiError;
import ankid.server.api.Effect;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The confirmation gate in the request path. A request whose action the mode gates (a {@code multi}
 * batch counts as its most dangerous sub-action) is held back: it changes nothing and is answered
 * with a preview and a token, whatever its {@code version}:
 *
 * <pre>{"result": null, "error": "confirmation required: …", "preview": {…}, "confirm": "token"}</pre>
 *
 * The same request sent again with a top-level {@code "confirm": "token"} runs. Two more members,
 * which AnkiConnect clients never send, make the gate usable by clients that gate more strictly
 * than the server (MCP, {@code ankid call --dry-run}): {@code "preview": true} previews any request
 * without running it, and a presented token is always checked, so a change that was previewed is
 * exactly the change that runs. With mode {@code off} and neither member, requests pass untouched.
 */
public final class Gate {
  private static final int MAX_LISTED = 5;

  private final ObjectMapper json;
  private final ActionRegistry registry;
  private final CollectionAccess collection;
  private final Previews previews;
  private final Tokens tokens;
  private final ConfirmMode mode;

  public Gate(ObjectMapper json, ActionRegistry registry, CollectionAccess collection, Previews previews,
      Tokens tokens, ConfirmMode mode) {
    this.json = json;
    this.registry = registry;
    this.collection = collection;
    this.previews = previews;
    this.tokens = tokens;
    this.mode = mode;
  }

  public ConfirmMode mode() {
    return mode;
  }

  /**
   * The reply that holds the request back, or null when it may run. Throws what the action would
   * throw when the request cannot run at all (bad parameters, a failing run-ahead).
   */
  public JsonNode check(JsonNode request, String action, JsonNode params, JsonNode key) {
    boolean previewOnly = request.path("preview").isBoolean() && request.get("preview").asBoolean();
    JsonNode confirm = request.get("confirm");
    if (!previewOnly && confirm == null && mode == ConfirmMode.OFF) return null;
    Effect effect = RequestEffect.of(registry, action, params);
    String digest = RequestDigest.of(action, params, key);
    String reason = null;
    if (!previewOnly) {
      if (confirm != null && effect != Effect.READ_ONLY) {
        Tokens.Verdict verdict = confirm.isTextual() ? tokens.redeem(confirm.asText(), digest) : Tokens.Verdict.UNKNOWN;
        if (verdict == Tokens.Verdict.CONFIRMED) return null;
        reason = verdict.reason();
      } else if (!mode.gates(effect)) {
        return null;
      }
    }
    Preview preview = preview(action, params, 0);
    ObjectNode details = preview.details();
    details.put("expiresInSeconds", tokens.lifetime().toSeconds());
    ObjectNode reply = json.createObjectNode();
    reply.putNull("result");
    reply.put("error", "confirmation required: " + preview.intent() + (reason == null ? "" : " (" + reason + ")"));
    reply.set("preview", details);
    reply.put("confirm", tokens.issue(digest));
    return reply;
  }

  private Preview preview(String action, JsonNode params, int depth) {
    if (!action.equals("multi") || depth >= RequestEffect.MAX_DEPTH) {
      return previews.preview(registry.bind(action, params), registry, collection, json);
    }
    List<JsonNode> subs = RequestEffect.subRequests(params);
    ArrayNode parts = json.createArrayNode();
    List<String> intents = new ArrayList<>();
    for (int i = 0; i < subs.size(); i++) {
      JsonNode sub = subs.get(i);
      String subAction = sub.get("action").asText();
      JsonNode subParams = RequestEffect.subParams(sub);
      if (RequestEffect.of(registry, subAction, subParams, depth + 1) == Effect.READ_ONLY) continue;
      ObjectNode part;
      try {
        Preview p = preview(subAction, subParams, depth + 1);
        part = p.details();
        intents.add(p.intent());
      } catch (ApiError | AnkiException e) {
        // The batch reports this sub-action's error in its place and goes on, as multi does.
        part = json.createObjectNode().put("action", subAction).put("error", e.getMessage());
      }
      ObjectNode indexed = json.createObjectNode().put("index", i);
      indexed.setAll(part);
      parts.add(indexed);
    }
    ObjectNode d = json.createObjectNode();
    d.put("action", "multi");
    d.put("effect", RequestEffect.of(registry, "multi", params, depth).wireName());
    String intent = batchIntent(intents, subs.size());
    d.put("intent", intent);
    d.set("actions", parts);
    return new Preview(intent, d);
  }

  private static String batchIntent(List<String> intents, int total) {
    if (intents.isEmpty()) return "run " + Facts.count(total, "action") + " that only read (changes nothing)";
    if (intents.size() == 1) return intents.get(0);
    List<String> shown = intents.subList(0, Math.min(MAX_LISTED, intents.size()));
    String more = intents.size() > MAX_LISTED ? "; and " + (intents.size() - MAX_LISTED) + " more" : "";
    return intents.size() + " changes: " + String.join("; ", shown) + more;
  }
}
