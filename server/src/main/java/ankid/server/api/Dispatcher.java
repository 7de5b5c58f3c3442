package ankid.server.api;

import ankid.engine.AnkiException;
import ankid.server.ApiKey;
import ankid.server.gate.Gate;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * AnkiConnect's dispatcher ({@code plugin/__init__.py, AnkiConnect.handler}): API key, lookup,
 * binding, then the reply envelope by version. Used for whole requests and for each sub-request of
 * {@code multi}. A whole request passes the confirmation {@link Gate} (when there is one) after
 * the key check; a batch's sub-requests do not, because the gate has judged the batch as a whole.
 * The action runs in its {@link RequestScope}: a whole request is one transaction, each
 * sub-request of {@code multi} a savepoint inside it.
 */
public final class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final BigDecimal FOUR = BigDecimal.valueOf(4);

  private final ObjectMapper json;
  private final Supplier<ActionRegistry> registry;
  private final Supplier<JsonNode> apiKey;
  private RequestScope scope = RequestScope.DIRECT;

  /** What a whole request hands down to the sub-requests of its {@code multi}. */
  private record Call(boolean bearerAuthorized, int depth) {}

  /** The call whose action is running on this thread (multi reads it to dispatch its sub-requests). */
  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

  private Gate gate;

  public Dispatcher(ObjectMapper json, Supplier<ActionRegistry> registry, Supplier<JsonNode> apiKey) {
    this.json = json;
    this.registry = registry;
    this.apiKey = apiKey;
  }

  /** Runs actions in transactions of the open collection, with their media fetched first. */
  public void setScope(RequestScope scope) {
    this.scope = scope;
  }

  public RequestScope scope() {
    return scope;
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
  public record Reply(JsonNode node, Object result, boolean bare) {
    public static Reply of(JsonNode node) {
      return new Reply(node, null, false);
    }

    /** Writes the reply: the envelope by version around the result, or the finished reply. */
    public void writeTo(ObjectMapper json, JsonGenerator out) throws IOException {
      if (node != null) {
        json.writeTree(out, node);
      } else if (bare) {
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
      if (bare) return resultNode;
      ObjectNode env = json.createObjectNode();
      env.set("result", resultNode);
      env.putNull("error");
      return env;
    }
  }

  /** The complete reply to one whole request. */
  public JsonNode dispatch(JsonNode request) {
    return reply(request, false).toTree(json);
  }

  /**
   * The complete reply to one whole request; {@code bearerAuthorized} when its HTTP request carried
   * the API key as {@code Authorization: Bearer}, which then stands for the key of every
   * sub-request of a {@code multi} as well.
   */
  public JsonNode dispatch(JsonNode request, boolean bearerAuthorized) {
    return reply(request, bearerAuthorized).toTree(json);
  }

  /** {@link #dispatch}, with the result left for the caller to write. */
  public Reply reply(JsonNode request, boolean bearerAuthorized) {
    return answer(request, new Call(bearerAuthorized, 0), true);
  }

  /** The reply to one sub-request of the {@code multi} running on this thread. */
  public JsonNode dispatchInBatch(JsonNode request) {
    Call outer = CURRENT.get();
    Call call = outer == null ? new Call(false, 1) : new Call(outer.bearerAuthorized, outer.depth + 1);
    return answer(request, call, false).toTree(json);
  }

  private Reply answer(JsonNode request, Call call, boolean whole) {
    boolean bare = bareResult(request.get("version"));
    try {
      String action = request.path("action").isTextual() ? request.get("action").asText() : null;
      JsonNode key = request.has("key") ? request.get("key") : NullNode.getInstance();
      boolean keyed = call.bearerAuthorized || ApiKey.matches(apiKey.get(), key);
      if (!keyed && !"requestPermission".equals(action)) throw new ApiError("valid api key must be provided");
      if (action == null) throw new ApiError("unsupported action");
      if (call.depth > scope.limits().maxMultiDepth()) {
        throw new ApiError("multi is nested more than " + scope.limits().maxMultiDepth()
            + " levels deep (the server's maxMultiDepth)");
      }
      JsonNode params = request.get("params");
      if (params == null || params.isNull()) params = json.createObjectNode();
      if (whole && gate != null) {
        JsonNode held = gate.check(request, action, params, key);
        if (held != null) return Reply.of(held);
      }
      return new Reply(null, run(action, params, call, whole), bare);
    } catch (ApiError | AnkiException e) {
      return Reply.of(error(json, e.getMessage()));
    } catch (OutOfMemoryError e) {
      return Reply.of(error(json, "out of memory: the request needs more than the server has (" + e.getMessage() + ")"));
    } catch (StackOverflowError e) {
      return Reply.of(error(json, "the request is nested too deeply to process"));
    } catch (Exception e) {
      return Reply.of(failure(request, e));
    }
  }

  /** The reply to a request whose action failed unexpectedly (or whose result could not be written). */
  public ObjectNode failure(JsonNode request, Exception e) {
    LOG.log(Level.WARNING, "action failed: " + request.path("action").asText(), e);
    return error(json, describe(e));
  }

  private Object run(String action, JsonNode params, Call call, boolean whole) throws Exception {
    Call previous = CURRENT.get();
    CURRENT.set(call);
    try {
      ActionRegistry actions = registry.get();
      JsonNode bound = params;
      if (actions.ownsTransactions(action)) return scope.own(bound, () -> actions.invoke(action, bound));
      return whole ? scope.whole(bound, () -> actions.invoke(action, bound))
          : scope.nested(() -> actions.invoke(action, bound));
    } finally {
      if (previous == null) CURRENT.remove();
      else CURRENT.set(previous);
    }
  }

  /**
   * AnkiConnect returns the bare result when {@code version <= 4} (absent means 4). Compared as
   * Python compares numbers, so a version beyond 64 bits is still greater than 4.
   */
  static boolean bareResult(JsonNode version) {
    if (version == null || version.isNull()) return true;
    if (version.isNumber()) {
      if (version.isFloatingPointNumber() && !Double.isFinite(version.asDouble())) return version.asDouble() < 0;
      return version.decimalValue().compareTo(FOUR) <= 0;
    }
    return version.asInt() <= 4;
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
