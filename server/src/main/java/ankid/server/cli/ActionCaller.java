package ankid.server.cli;

import ankid.server.Api;
import ankid.server.ServerConfig;
import ankid.server.gate.ConfirmSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;

/**
 * Sends AnkiConnect requests to a profile's collection: to the {@code ankid serve} that holds it,
 * or, when none does, to an API opened in this process on the collection itself (with this
 * command's confirmation settings). Either way the request passes the same dispatcher and gate.
 */
public sealed interface ActionCaller extends AutoCloseable {
  ObjectMapper JSON = new ObjectMapper();

  /** Sends one request object (as built by {@link #request}, plus any members) and returns the reply. */
  JsonNode send(ObjectNode request) throws IOException, InterruptedException;

  /** A version 6 request for an action, with the API key the collection's server expects. */
  ObjectNode request(String action, JsonNode params);

  /** Where the requests go, for messages. */
  String where();

  @Override
  void close();

  /** The running server holding the profile, else the collection opened here. */
  static ActionCaller open(ProfileOptions options, ConfirmSettings confirm) {
    CollectionTarget target = CollectionTarget.open(options, false);
    if (target instanceof CollectionTarget.Remote r) return new Remote(r.client());
    CollectionTarget.Local local = (CollectionTarget.Local) target;
    ServerConfig config = options.serverConfig();
    return new Local(new Api(config, local.profiles(), confirm, Clock.systemUTC()), local, config.apiKey());
  }

  /** Requests answered by a running server. */
  record Remote(ServerClient client) implements ActionCaller {
    @Override
    public JsonNode send(ObjectNode request) throws IOException, InterruptedException {
      return client.send(request);
    }

    @Override
    public ObjectNode request(String action, JsonNode params) {
      return client.request(action, params);
    }

    @Override
    public String where() {
      return "the ankid server at " + client.url();
    }

    @Override
    public void close() {}
  }

  /** Requests answered in this process, on the collection it opened (and locks until closed). */
  record Local(Api api, CollectionTarget.Local target, JsonNode key) implements ActionCaller {
    @Override
    public JsonNode send(ObjectNode request) {
      return api.dispatcher().dispatch(request);
    }

    @Override
    public ObjectNode request(String action, JsonNode params) {
      ObjectNode req = JSON.createObjectNode();
      req.put("action", action);
      req.put("version", 6);
      req.set("params", params == null ? JSON.createObjectNode() : params);
      if (key != null && !key.isNull()) req.set("key", key);
      return req;
    }

    @Override
    public String where() {
      return "the collection " + target.collection().path();
    }

    @Override
    public void close() {
      target.close();
    }
  }
}
