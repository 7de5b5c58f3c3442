package ankid.server;

import ankid.server.api.ActionRegistry;
import ankid.server.api.AddressPolicy;
import ankid.server.api.ApiError;
import ankid.server.api.Downloader;
import ankid.server.api.MediaDownloads;
import ankid.server.api.PathPolicy;
import ankid.server.api.RequestScope;
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
import java.time.Duration;

/** Wires the action groups, the registry, the dispatcher and the web layer for one server. */
public final class Api implements AutoCloseable {
  private final ObjectMapper json;
  private final ActionRegistry registry;
  private final Dispatcher dispatcher;
  private final Gateway gateway;
  private final Downloader downloader;
  private final PathPolicy paths;
  private final Safeguards safeguards;
  private final Gate gate;
  private final ConfirmSettings confirm;

  /** A loopback server without a config file. */
  public Api(ServerConfig config, Profiles profiles) {
    this(config, profiles, ConfirmSettings.defaults(), Clock.systemUTC());
  }

  /** {@code clock} times confirmation tokens (tests move it past their expiry). */
  public Api(ServerConfig config, Profiles profiles, ConfirmSettings confirm, Clock clock) {
    this(config, profiles, Safeguards.defaults(), confirm, clock);
  }

  public Api(ServerConfig config, Profiles profiles, Safeguards safeguards, ConfirmSettings confirm, Clock clock) {
    // Python's json.dumps escapes non-ASCII; clients cope either way, but the bytes then match.
    this.json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    this.safeguards = safeguards;
    ServerLimits limits = safeguards.limits();
    this.paths = new PathPolicy(profiles.base(), safeguards.configFile(), safeguards.exposure());
    this.downloader = new Downloader(safeguards.resolver(), new AddressPolicy(safeguards.exposure()),
        Duration.ofMillis(Math.max(1, config.webTimeout())), limits.downloadTimeout(), limits.maxDownloadBytes());
    MediaDownloads downloads = new MediaDownloads(downloader);
    MiscActions misc = new MiscActions(json, profiles, config.apiVersion(), config::apiKey, config.ignoreOriginList());
    MediaActions media = new MediaActions(profiles, downloads, paths);
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
        new PackageActions(profiles, paths));
    this.dispatcher = new Dispatcher(json, () -> registry, config::apiKey);
    dispatcher.setScope(new RequestScope(profiles, downloads, limits));
    misc.wire(registry, dispatcher);
    this.gate = new Gate(json, registry, profiles::withCollection, Previews.standard(),
        new Tokens(clock, confirm.expiry()), confirm.api());
    dispatcher.setGate(gate);
    this.confirm = confirm;
    this.gateway = new Gateway(json, dispatcher, new Origins(config.webCorsOriginList()), config.apiVersion());
    gateway.setLimits(limits, config::apiKey);
    if (config.apiLogPath() != null) {
      try {
        paths.check(config.apiLogPath(), config.apiLogPath().toString());
      } catch (ApiError e) {
        throw new ApiError("apiLogPath: " + e.getMessage());
      }
      gateway.setLog(ApiLog.open(config.apiLogPath()));
    }
  }

  /** The rule for client file paths, for the actions of other groups (packages, the web UI). */
  public PathPolicy paths() {
    return paths;
  }

  public Safeguards safeguards() {
    return safeguards;
  }

  /** Stops the download client. */
  @Override
  public void close() {
    try {
      downloader.close();
    } catch (Exception ignored) {
      // its threads are daemons; nothing else to release
    }
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
