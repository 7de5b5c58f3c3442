package ankid.server;

import ankid.server.api.ActionRegistry;
import ankid.server.api.AddressPolicy;
import ankid.server.api.ApiError;
import ankid.server.api.CardActions;
import ankid.server.api.CollectionActions;
import ankid.server.api.DeckActions;
import ankid.server.api.Dispatcher;
import ankid.server.api.Downloader;
import ankid.server.api.GraphicalActions;
import ankid.server.api.MediaActions;
import ankid.server.api.MediaDownloads;
import ankid.server.api.MiscActions;
import ankid.server.api.ModelActions;
import ankid.server.api.NoteActions;
import ankid.server.api.PackageActions;
import ankid.server.api.PathPolicy;
import ankid.server.api.RequestScope;
import ankid.server.api.SchedulingActions;
import ankid.server.api.SearchActions;
import ankid.server.api.StatisticActions;
import ankid.server.api.SyncActions;
import ankid.server.gate.ConfirmSettings;
import ankid.server.gate.Gate;
import ankid.server.gate.Previews;
import ankid.server.gate.Tokens;
import ankid.server.gui.Guis;
import ankid.server.gui.UiActions;
import ankid.server.gui.UiEvents;
import ankid.server.gui.WebUi;
import ankid.server.http.ApiLog;
import ankid.server.http.Gateway;
import ankid.server.http.Origins;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** Wires the action groups, the registry, the dispatcher, the web layer and the web UI for one server. */
public final class Api implements AutoCloseable {
  /**
   * What only the running server knows: whether it listens on loopback addresses only (its Host
   * check is on) and how it stops (guiExitAnki calls {@code exit} after replying).
   */
  public record Hosting(boolean loopbackOnly, Runnable exit) {
    /** No server around: guiExitAnki answers without stopping anything. */
    public static final Hosting NONE = new Hosting(true, () -> { });
  }

  private final ObjectMapper json;
  private final ActionRegistry registry;
  private final Dispatcher dispatcher;
  private final Gateway gateway;
  private final Downloader downloader;
  private final PathPolicy paths;
  private final Safeguards safeguards;
  private final Gate gate;
  private final ConfirmSettings confirm;
  private final Guis guis;
  private final WebUi webUi;

  /** A loopback server without a config file. */
  public Api(ServerConfig config, Profiles profiles) {
    this(config, profiles, ConfirmSettings.defaults(), Clock.systemUTC());
  }

  /** {@code clock} times confirmation tokens (tests move it past their expiry). */
  public Api(ServerConfig config, Profiles profiles, ConfirmSettings confirm, Clock clock) {
    this(config, profiles, Safeguards.defaults(), confirm, clock, Hosting.NONE);
  }

  public Api(ServerConfig config, Profiles profiles, Safeguards safeguards, ConfirmSettings confirm, Clock clock,
      Hosting hosting) {
    // Python's json.dumps escapes non-ASCII; clients cope either way, but the bytes then match.
    this.json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    this.safeguards = safeguards;
    ServerLimits limits = safeguards.limits();
    this.paths = new PathPolicy(profiles.base(), safeguards.configFile(), safeguards.exposure());
    this.downloader = new Downloader(safeguards.resolver(), new AddressPolicy(safeguards.exposure()),
        Duration.ofMillis(Math.max(1, config.webTimeout())), limits.downloadTimeout(), limits.maxDownloadBytes());
    MediaDownloads downloads = new MediaDownloads(downloader);
    UiEvents events = new UiEvents();
    this.guis = new Guis(profiles, events);
    MiscActions misc = new MiscActions(json, profiles, config.apiVersion(), config::apiKey, config.ignoreOriginList());
    MediaActions media = new MediaActions(profiles, downloads, paths);
    GraphicalActions graphical = new GraphicalActions(guis, media, paths, hosting.exit());
    this.registry = new ActionRegistry(json,
        misc,
        new DeckActions(profiles),
        new ModelActions(profiles),
        media,
        new NoteActions(profiles, media),
        new SearchActions(profiles),
        new CardActions(profiles, json),
        new SchedulingActions(profiles),
        new StatisticActions(profiles),
        new SyncActions(profiles),
        new CollectionActions(profiles),
        new PackageActions(profiles, paths),
        graphical);
    this.dispatcher = new Dispatcher(json, () -> registry, config::apiKey);
    dispatcher.setScope(new RequestScope(profiles, downloads, limits));
    misc.wire(registry, dispatcher);
    this.gate = new Gate(json, registry, profiles::withCollection, Previews.standard(),
        new Tokens(clock, confirm.expiry()), confirm.api());
    dispatcher.setGate(gate);
    this.confirm = confirm;
    Origins origins = new Origins(config.webCorsOriginList());
    this.gateway = new Gateway(json, dispatcher, origins, config.apiVersion());
    gateway.setLimits(limits, config::apiKey);
    if (config.apiLogPath() != null) {
      try {
        paths.check(config.apiLogPath(), config.apiLogPath().toString());
      } catch (ApiError e) {
        throw new ApiError("apiLogPath: " + e.getMessage());
      }
      gateway.setLog(ApiLog.open(config.apiLogPath()));
    }
    gateway.setAfterDispatch(events::signal);

    // The page's own calls: the graphical actions and the UI's, behind the same key. They take the UI
    // state before the collection (see Action.ownTransactions), so they run outside a request scope.
    // Nothing destructive is reachable there, so nothing there waits for the confirmation gate.
    byte[] token = new byte[16];
    new SecureRandom().nextBytes(token);
    String mediaToken = HexFormat.of().formatHex(token);
    ActionRegistry uiRegistry = new ActionRegistry(json, graphical, new UiActions(guis, mediaToken));
    Dispatcher uiDispatcher = new Dispatcher(json, () -> uiRegistry, config::apiKey);
    this.webUi = new WebUi(guis, json, () -> uiDispatcher, origins, hosting.loopbackOnly(), config::apiKey, mediaToken);
  }

  /** The rule for client file paths, for the actions of other groups (packages, the web UI). */
  public PathPolicy paths() {
    return paths;
  }

  public Safeguards safeguards() {
    return safeguards;
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

  public WebUi webUi() {
    return webUi;
  }

  public Guis guis() {
    return guis;
  }

  /** Ends the web UI's event streams and background work, before the HTTP server stops; stops the download client. */
  @Override
  public void close() {
    guis.events().close();
    guis.close();
    try {
      downloader.close();
    } catch (Exception ignored) {
      // its threads are daemons; nothing else to release
    }
  }
}
