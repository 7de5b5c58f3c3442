package ankid.server.cli;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.api.ActionRegistry;
import ankid.server.gate.ConfirmSettings;
import ankid.server.mcp.Backend;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;

/**
 * Sends AnkiConnect requests to a profile's collection: to the {@code ankid serve} that holds it,
 * or, when none does, to an API opened in this process on the collection itself (with this
 * command's confirmation settings). Either way the request passes the same dispatcher and gate.
 */
public sealed interface ActionCaller extends Backend, AutoCloseable {
  /** Where the requests go, for messages. */
  String where();

  @Override
  void close();

  /** The actions and what each can do (for a remote server: ankid's own, as this build knows them). */
  ActionRegistry registry();

  /** The running server holding the profile, else the collection opened here. */
  static ActionCaller open(ProfileOptions options, ConfirmSettings confirm) {
    return open(options, confirm, false);
  }

  /** As {@link #open(ProfileOptions, ConfirmSettings)}; with {@code create}, a missing collection is created. */
  static ActionCaller open(ProfileOptions options, ConfirmSettings confirm, boolean create) {
    CollectionTarget target = CollectionTarget.open(options, create);
    if (target instanceof CollectionTarget.Remote r) {
      Api offline = new Api(ServerConfig.defaults(), new Profiles(options.base(), Clock.systemUTC()));
      return new Remote(r.client(), offline.registry());
    }
    CollectionTarget.Local local = (CollectionTarget.Local) target;
    ServerConfig config = options.serverConfig();
    return new Local(new Api(config, local.profiles(), confirm, Clock.systemUTC()), local, config.apiKey());
  }

  /** Requests answered by a running server. */
  record Remote(ServerClient client, ActionRegistry registry) implements ActionCaller {
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
    public JsonNode send(ObjectNode request) throws IOException, InterruptedException {
      return Backend.of(api, key).send(request);
    }

    @Override
    public ObjectNode request(String action, JsonNode params) {
      return Backend.of(api, key).request(action, params);
    }

    @Override
    public String where() {
      return "the collection " + target.collection().path();
    }

    @Override
    public ActionRegistry registry() {
      return api.registry();
    }

    @Override
    public void close() {
      target.close();
    }
  }
}
