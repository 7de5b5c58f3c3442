package ankid.server.api;

import ankid.engine.AnkiException;
import ankid.server.gate.Gate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * AnkiConnect's dispatcher ({@code plugin/__init__.py, AnkiConnect.handler}): API key, lookup,
 * binding, then the reply envelope by version. Used for whole requests and for each sub-request of
 * {@code multi}. A whole request passes the confirmation {@link Gate} (when there is one) after
 * the key check; a batch's sub-requests do not, because the gate has judged the batch as a whole.
 */
public final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final ObjectMapper json;
  private final Supplier<ActionRegistry> registry;
  private final Supplier<JsonNode> apiKey;
  private Gate gate;

  public Dispatcher(ObjectMapper json, Supplier<ActionRegistry> registry, Supplier<JsonNode> apiKey) {
    this.json = json;
    this.registry = registry;
    this.apiKey = apiKey;
  }

  /** Puts the confirmation gate in front of whole requests. */
  public void setGate(Gate gate) {
    this.gate = gate;
  }

  public Gate gate() {
    return gate;
  }

  /** The complete reply to one whole request. */
  public JsonNode dispatch(JsonNode request) {
    return dispatch(request, true);
  }

  /** The reply to one sub-request of a {@code multi} batch the gate has already let through. */
  public JsonNode dispatchInBatch(JsonNode request) {
    return dispatch(request, false);
  }

  private JsonNode dispatch(JsonNode request, boolean whole) {
    JsonNode versionNode = request.get("version");
    int version = versionNode == null || versionNode.isNull() ? 4 : versionNode.asInt();
    try {
      String action = request.path("action").isTextual() ? request.get("action").asText() : null;
      JsonNode key = request.has("key") ? request.get("key") : NullNode.getInstance();
      if (!Objects.equals(normalize(key), normalize(apiKey.get())) && !"requestPermission".equals(action)) {
        throw new ApiError("valid api key must be provided");
      }
      if (action == null) throw new ApiError("unsupported action");
      JsonNode params = request.get("params");
      if (params == null || params.isNull()) params = json.createObjectNode();
      if (whole && gate != null) {
        JsonNode held = gate.check(request, action, params, key);
        if (held != null) return held;
      }
      Object result = registry.get().invoke(action, params);
      JsonNode resultNode = result instanceof JsonNode n ? n : json.valueToTree(result);
      if (version <= 4) return resultNode;
      ObjectNode env = json.createObjectNode();
      env.set("result", resultNode);
      env.putNull("error");
      return env;
    } catch (ApiError | AnkiException e) {
      return error(json, e.getMessage());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "action failed: " + request.path("action").asText(), e);
      return error(json, describe(e));
    }
  }

  /** JSON equality as Python compares the key: 1 and 1.0 are equal. */
  private static Object normalize(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isNumber()) return n.decimalValue().stripTrailingZeros();
    return n;
  }

  private static String describe(Exception e) {
    String msg = e.getMessage();
    return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
  }

  public static ObjectNode error(ObjectMapper json, String message) {
    ObjectNode env = json.createObjectNode();
    env.putNull("result");
    env.put("error", message);
    return env;
  }
}
