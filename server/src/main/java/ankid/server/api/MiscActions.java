package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;

/**
 * Miscellaneous actions ({@code plugin/__init__.py, AnkiConnect.version, requestPermission,
 * apiReflect, multi, getProfiles…}).
 */
public final class MiscActions {
  private final ObjectMapper json;
  private final Profiles profiles;
  private final int apiVersion;
  private final Supplier<JsonNode> apiKey;
  private final List<String> ignoreOrigins;
  private ActionRegistry registry;
  private Dispatcher dispatcher;

  public MiscActions(ObjectMapper json, Profiles profiles, int apiVersion, Supplier<JsonNode> apiKey,
      List<String> ignoreOrigins) {
    this.json = json;
    this.profiles = profiles;
    this.apiVersion = apiVersion;
    this.apiKey = apiKey;
    this.ignoreOrigins = ignoreOrigins;
  }

  /** apiReflect and multi read the registry that contains them, so it is wired after construction. */
  public void wire(ActionRegistry registry, Dispatcher dispatcher) {
    this.registry = registry;
    this.dispatcher = dispatcher;
  }

  @Action(effect = READ_ONLY)
  public int version() {
    return apiVersion;
  }

  /**
   * There is no one to ask on a headless server, so an origin that the CORS list does not already
   * allow is denied; add it to webCorsOriginList to grant it.
   */
  @Action(effect = READ_ONLY)
  public JsonNode requestPermission(@Param("origin") String origin, @Param("allowed") boolean allowed) {
    ObjectNode r = json.createObjectNode();
    if (allowed) {
      JsonNode key = apiKey.get();
      r.put("permission", "granted");
      r.put("requireApikey", PythonValues.truthy(key));
      r.put("version", apiVersion);
    } else {
      r.put("permission", "denied");
    }
    return r;
  }

  @Action(effect = READ_ONLY)
  public JsonNode apiReflect(@Param(value = "scopes", dflt = "null") JsonNode scopes,
      @Param(value = "actions", dflt = "null") JsonNode actions) {
    if (!scopes.isArray()) throw new ApiError("scopes has invalid value");
    if (!actions.isNull() && !actions.isArray()) throw new ApiError("actions has invalid value");
    ObjectNode r = json.createObjectNode();
    ArrayNode outScopes = r.putArray("scopes");
    boolean wantsActions = false;
    for (JsonNode s : scopes) if (s.isTextual() && s.asText().equals("actions")) wantsActions = true;
    if (!wantsActions) return r;
    outScopes.add("actions");
    ArrayNode out = r.putArray("actions");
    if (actions.isNull()) {
      registry.names().forEach(out::add);
    } else {
      for (JsonNode a : actions) {
        if (!a.isTextual()) throw new ApiError("attribute name must be string, not '" + PythonRepr.repr(a) + "'");
        if (registry.has(a.asText())) out.add(a.asText());
      }
    }
    return r;
  }

  @Action(effect = DESTRUCTIVE)
  public JsonNode multi(@Param("actions") JsonNode actions) {
    if (!actions.isArray()) throw new ApiError("'" + actions.getNodeType().name().toLowerCase() + "' object is not iterable");
    for (JsonNode a : actions) {
      if (!a.isObject()) throw new ApiError("'" + PythonRepr.repr(a) + "' is not a request object");
    }
    int max = dispatcher.scope().limits().maxMultiActions();
    if (actions.size() > max) {
      throw new ApiError("multi has " + actions.size() + " actions, more than " + max + " (the server's maxMultiActions)");
    }
    ArrayNode out = json.createArrayNode();
    for (JsonNode a : actions) out.add(dispatcher.dispatchInBatch(a));
    return out;
  }

  @Action(effect = READ_ONLY)
  public List<String> getProfiles() {
    return profiles.names();
  }

  @Action(effect = READ_ONLY)
  public String getActiveProfile() {
    return profiles.active();
  }

  @Action(effect = MODIFYING, idempotent = true)
  public boolean loadProfile(@Param("name") String name) {
    if (name.equals(profiles.active())) return true;
    if (!profiles.names().contains(name)) return false;
    profiles.open(name);
    return true;
  }

  /**
   * Anki reloads its in-memory state; the engine keeps none between requests, so there is nothing
   * to drop.
   */
  @Action(effect = READ_ONLY)
  public Object reloadCollection() {
    profiles.collection();
    return null;
  }
}
