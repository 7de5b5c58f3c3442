package ankid.server;

import ankid.server.api.ActionRegistry;
import ankid.server.api.CardActions;
import ankid.server.api.DeckActions;
import ankid.server.api.Dispatcher;
import ankid.server.api.GraphicalActions;
import ankid.server.api.MediaActions;
import ankid.server.api.MiscActions;
import ankid.server.api.ModelActions;
import ankid.server.api.NoteActions;
import ankid.server.api.SchedulingActions;
import ankid.server.api.SearchActions;
import ankid.server.api.StatisticActions;
import ankid.server.gui.CollectionTasks;
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
import java.util.HexFormat;

/** Wires the action groups, the registry, the dispatcher, the web layer and the web UI for one server. */
public final class Api implements AutoCloseable {
  private final ObjectMapper json;
  private final ActionRegistry registry;
  private final Dispatcher dispatcher;
  private final Gateway gateway;
  private final Guis guis;
  private final WebUi webUi;

  /** A server that answers guiExitAnki without stopping (tests that do not exit). */
  public Api(ServerConfig config, Profiles profiles) {
    this(config, profiles, true, () -> { }, CollectionTasks.UNAVAILABLE);
  }

  /**
   * @param loopbackOnly whether the server listens on loopback addresses only (its Host check is on)
   * @param exit stops the server; guiExitAnki calls it after replying
   * @param tasks the import and Check Database operations the UI's screens run
   */
  public Api(ServerConfig config, Profiles profiles, boolean loopbackOnly, Runnable exit, CollectionTasks tasks) {
    // Python's json.dumps escapes non-ASCII; clients cope either way, but the bytes then match.
    this.json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    UiEvents events = new UiEvents();
    this.guis = new Guis(profiles, tasks, events);
    MiscActions misc = new MiscActions(json, profiles, config.apiVersion(), config::apiKey, config.ignoreOriginList());
    MediaActions media = new MediaActions(profiles, config.webTimeout());
    Object[] groups = {
        misc,
        new DeckActions(profiles),
        new ModelActions(profiles),
        media,
        new NoteActions(profiles, media),
        new SearchActions(profiles),
        new CardActions(profiles),
        new SchedulingActions(profiles),
        new StatisticActions(profiles),
        new GraphicalActions(guis, media, exit)};
    this.registry = new ActionRegistry(json, groups);
    this.dispatcher = new Dispatcher(json, () -> registry, config::apiKey);
    misc.wire(registry, dispatcher);
    Origins origins = new Origins(config.webCorsOriginList());
    this.gateway = new Gateway(json, dispatcher, origins, config.apiVersion());
    if (config.apiLogPath() != null) gateway.setLog(new ApiLog(config.apiLogPath()));
    gateway.setAfterDispatch(events::signal);

    // The page's own calls: every action plus the UI's, behind the same key; apiReflect never lists the UI's.
    byte[] token = new byte[16];
    new SecureRandom().nextBytes(token);
    String mediaToken = HexFormat.of().formatHex(token);
    Object[] uiGroups = java.util.Arrays.copyOf(groups, groups.length + 1);
    uiGroups[groups.length] = new UiActions(guis, mediaToken);
    ActionRegistry uiRegistry = new ActionRegistry(json, uiGroups);
    Dispatcher uiDispatcher = new Dispatcher(json, () -> uiRegistry, config::apiKey);
    this.webUi = new WebUi(guis, json, () -> uiDispatcher, origins, loopbackOnly, config::apiKey, mediaToken);
  }

  public Gateway gateway() {
    return gateway;
  }

  public WebUi webUi() {
    return webUi;
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

  public Guis guis() {
    return guis;
  }

  /** Ends the web UI's event streams and background work, before the HTTP server stops. */
  @Override
  public void close() {
    guis.events().close();
    guis.close();
  }
}
