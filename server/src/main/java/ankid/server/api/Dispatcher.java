package ankid.server.api;

import ankid.engine.AnkiException;
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
 * {@code multi}.
 */
public final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final ObjectMapper json;
  private final Supplier<ActionRegistry> registry;
  private final Supplier<JsonNode> apiKey;

  public Dispatcher(ObjectMapper json, Supplier<ActionRegistry> registry, Supplier<JsonNode> apiKey) {
    this.json = json;
    this.registry = registry;
    this.apiKey = apiKey;
  }

  /** The complete reply to one request object. */
  public JsonNode dispatch(JsonNode request) {
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
