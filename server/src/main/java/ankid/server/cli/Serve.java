package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.server.Api;
import ankid.server.ApiKey;
import ankid.server.Safeguards;
import ankid.server.BackupTimer;
import ankid.server.Main;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.api.ApiError;
import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import ankid.server.http.HttpServer;
import ankid.server.http.Origins;
import ankid.server.mcp.McpHttpEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ankid serve}: the AnkiConnect API on one profile's collection until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the AnkiConnect API.")
public final class Serve implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: 127.0.0.1 and ::1)")
  String bind;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: 8765)")
  Integer port;

  @Option(names = "--sync-port", paramLabel = "N",
      description = "Also serve Anki's sync protocol on this port, for Anki, AnkiDroid and AnkiMobile"
          + " (config key syncPort; default: off)")
  Integer syncPort;

  @Option(names = "--sync-bind", paramLabel = "ADDR",
      description = "Address the sync server listens on (default: 127.0.0.1 and ::1; put HTTPS in front when exposed)")
  String syncBind;

  @Option(names = "--confirm", paramLabel = "MODE", converter = ConfirmModeConverter.class,
      description = "Hold back destructive|modifying requests until confirmed, or off (default: config key"
          + " confirm, else off; MCP tools confirm destructive ones unless off is given)")
  ConfirmMode confirm;

  @Override
  public Integer call() throws Exception {
    ServerConfig cfg = options.serverConfig().withBind(bind, port);
    boolean defaultBind = bind == null && cfg.webBindAddress().equals("127.0.0.1");
    List<String> addresses = defaultBind ? HttpServer.loopbackAddresses() : List.of(cfg.webBindAddress());
    boolean exposed = !HttpServer.loopbackOnly(addresses);
    requireKeyWhenExposed(cfg, addresses, exposed);
    Safeguards safeguards = Safeguards.read(options.configJson(), exposed, options.configFile());
    ConfirmSettings confirmSettings = ConfirmModeConverter.settings(options, confirm);
    Profiles profiles = new Profiles(options.base(), Clock.systemDefaultZone());
    profiles.useBackups(options.backupConfig());
    // The collection opens (SQLite's library, the unicase table, the schema check) while the API
    // and the HTTP server are built; nothing listens until it is open, so a collection in use
    // still stops the server before it answers anything.
    FutureTask<Void> opening = new FutureTask<>(() -> profiles.open(options.profile()), null);
    new Thread(opening, "ankid-open").start();
    CountDownLatch stopped = new CountDownLatch(1);
    HttpServer[] server = new HttpServer[1];
    Api[] api = new Api[1];
    McpHttpEndpoint[] mcp = new McpHttpEndpoint[1];
    SyncEndpoint[] sync = new SyncEndpoint[1];
    BackupTimer[] backups = new BackupTimer[1];
    AtomicBoolean stopping = new AtomicBoolean();
    Runnable stop = () -> {
      if (!stopping.compareAndSet(false, true)) return;
      if (backups[0] != null) backups[0].close();
      // the web UI's event streams end first, so the HTTP server stops without waiting for them
      api[0].close();
      try {
        mcp[0].close();
        server[0].close();
      } catch (Exception ignored) {
        // stopping anyway
      }
      if (sync[0] != null) sync[0].close();
      profiles.close();
      stopped.countDown();
    };
    try {
      api[0] = new Api(cfg, profiles, safeguards, confirmSettings, Clock.systemUTC(),
          new Api.Hosting(!exposed, () -> exitSoon(stop)));
    } catch (java.io.UncheckedIOException | ApiError e) {
      opened(opening, profiles);
      profiles.close();
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    }
    mcp[0] = new McpHttpEndpoint(api[0], api[0].registry(), new Origins(cfg.webCorsOriginList()), cfg::apiKey,
        confirmSettings.mcp());
    server[0] = new HttpServer(api[0].gateway(), mcp[0], api[0].webUi(), addresses, cfg.webBindPort(),
        safeguards.limits());
    try {
      opened(opening, profiles);
    } catch (RuntimeException e) {
      api[0].close();
      throw e;
    }
    try {
      server[0].start();
    } catch (IOException e) {
      api[0].close();
      profiles.close();
      throw new CliFailure(ExitCodes.FAILED, "failed to listen on port " + cfg.webBindPort() + ": " + e.getMessage());
    }
    sync[0] = SyncEndpoint.startIfConfigured(options, profiles, syncBind, syncPort);
    URI url = URI.create("http://" + hostForUrl(addresses.get(0)) + ":" + server[0].port() + "/");
    Path configFile = options.configFile();
    publishWhileOpen(profiles, url, configFile);
    backups[0] = BackupTimer.start(profiles, BackupTimer.PERIOD);
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "ankid-shutdown"));
    System.err.println("ankid " + Main.version() + " listening on " + url.toString().replaceAll("/$", "")
        + " (collection " + options.collectionFile() + ")");
    System.err.println("web UI: " + url + "ui/");
    if (sync[0] != null) System.err.println("ankid sync server listening on " + sync[0].url());
    stopped.await();
    return ExitCodes.OK;
  }

  /** Waits for the collection; its failure is the command's (a collection in use: {@link ExitCodes#IN_USE}). */
  private static void opened(FutureTask<Void> opening, Profiles profiles) throws InterruptedException {
    try {
      opening.get();
    } catch (ExecutionException e) {
      profiles.close();
      if (e.getCause() instanceof AnkiException a) {
        throw new CliFailure(a instanceof AnkiException.CollectionInUse ? ExitCodes.IN_USE : ExitCodes.FAILED,
            a.getMessage());
      }
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /** guiExitAnki: AnkiConnect closes Anki a second later, so the reply goes out first. */
  private static void exitSoon(Runnable stop) {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException ignored) {
        // stop now
      }
      stop.run();
    }, "ankid-exit");
    t.start();
  }

  /**
   * Anyone who can reach a server beyond loopback can call it, and AnkiConnect's origin rules do not
   * stop programs that are not browsers: such a server must have an API key.
   */
  static void requireKeyWhenExposed(ServerConfig cfg, List<String> addresses, boolean exposed) {
    JsonNode key = cfg.apiKey();
    boolean keyless = ApiKey.isUnset(key) || (key.isTextual() && key.asText().isBlank());
    if (exposed && keyless) {
      throw new CliFailure(ExitCodes.FAILED, "refusing to listen on " + String.join(", ", addresses)
          + " without an apiKey: anyone on the network could use the collection; set \"apiKey\" in the config file");
    }
  }

  /**
   * Keeps {@link RunningServer}'s record in the folder of whichever profile is open (loadProfile
   * switches), so other commands on this machine ask this server instead of failing on the lock.
   */
  private static void publishWhileOpen(Profiles profiles, URI url, Path configFile) throws IOException {
    RunningServer.publish(profiles.folder(profiles.active()), url, configFile);
    profiles.addListener(new Profiles.Listener() {
      @Override
      public void opened(String profile, Path folder) {
        try {
          RunningServer.publish(folder, url, configFile);
        } catch (IOException e) {
          System.err.println("ankid: cannot record the server in " + folder + ": " + e.getMessage());
        }
      }

      @Override
      public void closed(String profile, Path folder) {
        RunningServer.withdraw(folder);
      }
    });
  }

  /** A wildcard bind is reached through loopback; IPv6 literals need brackets in a URL. */
  private static String hostForUrl(String address) {
    if (address.equals("0.0.0.0")) return "127.0.0.1";
    if (address.equals("::") || address.equals("[::]")) return "[::1]";
    return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
  }
}
