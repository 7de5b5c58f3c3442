package ankid.server.mcp;

import ankid.server.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Where MCP tools send their AnkiConnect requests: an API in this process, or the running server
 * that holds the collection. Either way the request passes that API's dispatcher and gate.
 */
public interface Backend {
  /** A version 6 request for an action, carrying the API key the API expects. */
  ObjectNode request(String action, JsonNode params);

  /** Sends a request (possibly with {@code preview} or {@code confirm} members) and returns the reply. */
  JsonNode send(ObjectNode request) throws IOException, InterruptedException;

  /** The API of this process, called directly; {@code key} is its configured API key. */
  static Backend of(Api api, JsonNode key) {
    return new Backend() {
      @Override
      public ObjectNode request(String action, JsonNode params) {
        ObjectNode req = api.json().createObjectNode();
        req.put("action", action);
        req.put("version", 6);
        req.set("params", params == null ? api.json().createObjectNode() : params);
        if (key != null && !key.isNull()) req.set("key", key);
        return req;
      }

      @Override
      public JsonNode send(ObjectNode request) {
        return api.dispatcher().dispatch(request);
      }
    };
  }
}
