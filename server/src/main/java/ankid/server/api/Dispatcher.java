package ankid.server.api;

import ankid.engine.AnkiException;
import ankid.server.gate.Gate;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

  /**
   * A reply before it becomes JSON. An action's result stays the value the action returned, so
   * the web layer writes it straight to the wire: a tree of a large result (every card id, ten
   * thousand cards' info) would be built only to be written and dropped.
   */
  public record Reply(JsonNode node, Object result, int version) {
    public static Reply of(JsonNode node) {
      return new Reply(node, null, 0);
    }

    /** Writes the reply: the envelope by version around the result, or the finished reply. */
    public void writeTo(ObjectMapper json, JsonGenerator out) throws IOException {
      if (node != null) {
        json.writeTree(out, node);
      } else if (version <= 4) {
        json.writeValue(out, result);
      } else {
        out.writeStartObject();
        out.writeFieldName("result");
        json.writeValue(out, result);
        out.writeNullField("error");
        out.writeEndObject();
      }
    }

    /** The reply as a tree (for {@code multi}, logs and other callers that want one). */
    public JsonNode toTree(ObjectMapper json) {
      if (node != null) return node;
      JsonNode resultNode = result instanceof JsonNode n ? n : json.valueToTree(result);
      if (version <= 4) return resultNode;
      ObjectNode env = json.createObjectNode();
      env.set("result", resultNode);
      env.putNull("error");
      return env;
    }
  }

  /** The complete reply to one whole request. */
  public JsonNode dispatch(JsonNode request) {
    return reply(request).toTree(json);
  }

  /** {@link #dispatch}, with the result left for the caller to write. */
  public Reply reply(JsonNode request) {
    return answer(request, true);
  }

  /** The reply to one sub-request of a {@code multi} batch the gate has already let through. */
  public JsonNode dispatchInBatch(JsonNode request) {
    return answer(request, false).toTree(json);
  }

  private Reply answer(JsonNode request, boolean whole) {
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
        if (held != null) return Reply.of(held);
      }
      return new Reply(null, registry.get().invoke(action, params), version);
    } catch (ApiError | AnkiException e) {
      return Reply.of(error(json, e.getMessage()));
    } catch (Exception e) {
      return Reply.of(failure(request, e));
    }
  }

  /** The reply to a request whose action failed unexpectedly (or whose result could not be written). */
  public ObjectNode failure(JsonNode request, Exception e) {
    LOG.log(Level.WARNING, "action failed: " + request.path("action").asText(), e);
    return error(json, describe(e));
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
