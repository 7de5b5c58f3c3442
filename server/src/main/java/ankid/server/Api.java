package ankid.server;

import ankid.server.api.ActionRegistry;
import ankid.server.api.CardActions;
import ankid.server.api.CollectionActions;
import ankid.server.api.DeckActions;
import ankid.server.api.Dispatcher;
import ankid.server.api.MediaActions;
import ankid.server.api.MiscActions;
import ankid.server.api.ModelActions;
import ankid.server.api.NoteActions;
import ankid.server.api.PackageActions;
import ankid.server.api.SchedulingActions;
import ankid.server.api.SearchActions;
import ankid.server.api.StatisticActions;
import ankid.server.api.SyncActions;
import ankid.server.gate.ConfirmSettings;
import ankid.server.gate.Gate;
import ankid.server.gate.Previews;
import ankid.server.gate.Tokens;
import ankid.server.http.ApiLog;
import ankid.server.http.Gateway;
import ankid.server.http.Origins;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;

/** Wires the action groups, the registry, the dispatcher and the web layer for one server. */
public final class Api {
  private final ObjectMapper json;
  private final ActionRegistry registry;
  private final Dispatcher dispatcher;
  private final Gateway gateway;
  private final Gate gate;
  private final ConfirmSettings confirm;

  public Api(ServerConfig config, Profiles profiles) {
    this(config, profiles, ConfirmSettings.defaults(), Clock.systemUTC());
  }

  /** {@code clock} times confirmation tokens (tests move it past their expiry). */
  public Api(ServerConfig config, Profiles profiles, ConfirmSettings confirm, Clock clock) {
    // Python's json.dumps escapes non-ASCII; clients cope either way, but the bytes then match.
    this.json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    MiscActions misc = new MiscActions(json, profiles, config.apiVersion(), config::apiKey, config.ignoreOriginList());
    MediaActions media = new MediaActions(profiles, config.webTimeout());
    this.registry = new ActionRegistry(json,
        misc,
        new DeckActions(profiles),
        new ModelActions(profiles),
        media,
        new NoteActions(profiles, media),
        new SearchActions(profiles),
        new CardActions(profiles),
        new SchedulingActions(profiles),
        new StatisticActions(profiles),
        new SyncActions(profiles),
        new CollectionActions(profiles),
        new PackageActions(profiles));
    this.dispatcher = new Dispatcher(json, () -> registry, config::apiKey);
    misc.wire(registry, dispatcher);
    this.gate = new Gate(json, registry, profiles::withCollection, Previews.standard(),
        new Tokens(clock, confirm.expiry()), confirm.api());
    dispatcher.setGate(gate);
    this.confirm = confirm;
    this.gateway = new Gateway(json, dispatcher, new Origins(config.webCorsOriginList()), config.apiVersion());
    if (config.apiLogPath() != null) gateway.setLog(new ApiLog(config.apiLogPath()));
  }

  public Gate gate() {
    return gate;
  }

  public ConfirmSettings confirm() {
    return confirm;
  }

  public Gateway gateway() {
    return gateway;
  }

  public ActionRegistry registry() {
    return registry;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  public ObjectMapper json() {
    return json;
  }
}
