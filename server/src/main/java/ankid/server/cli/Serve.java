package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.server.Api;
import ankid.server.BackupTimer;
import ankid.server.Main;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import ankid.server.http.HttpServer;
import ankid.server.http.Origins;
import ankid.server.mcp.McpHttpEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    ConfirmSettings confirmSettings = ConfirmModeConverter.settings(options, confirm);
    Profiles profiles = new Profiles(options.base(), Clock.systemDefaultZone());
    profiles.useBackups(options.backupConfig());
    try {
      profiles.open(options.profile());
    } catch (AnkiException e) {
      throw new CliFailure(e instanceof AnkiException.CollectionInUse ? ExitCodes.IN_USE : ExitCodes.FAILED,
          e.getMessage());
    }
    boolean defaultBind = bind == null && cfg.webBindAddress().equals("127.0.0.1");
    List<String> addresses = defaultBind ? HttpServer.loopbackAddresses() : List.of(cfg.webBindAddress());
    Api api = new Api(cfg, profiles, confirmSettings, Clock.systemUTC());
    McpHttpEndpoint mcp = new McpHttpEndpoint(api, api.registry(), new Origins(cfg.webCorsOriginList()), cfg::apiKey,
        confirmSettings.mcp());
    HttpServer server = new HttpServer(api.gateway(), mcp, addresses, cfg.webBindPort());
    try {
      server.start();
    } catch (IOException e) {
      profiles.close();
      throw new CliFailure(ExitCodes.FAILED, "failed to listen on port " + cfg.webBindPort() + ": " + e.getMessage());
    }
    SyncEndpoint sync = SyncEndpoint.startIfConfigured(options, profiles, syncBind, syncPort);
    URI url = URI.create("http://" + hostForUrl(addresses.get(0)) + ":" + server.port() + "/");
    Path configFile = options.configFile();
    publishWhileOpen(profiles, url, configFile);
    BackupTimer backups = BackupTimer.start(profiles, BackupTimer.PERIOD);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      backups.close();
      try {
        mcp.close();
        server.close();
      } catch (Exception ignored) {
        // stopping anyway
      }
      if (sync != null) sync.close();
      profiles.close();
      stopped.countDown();
    }, "ankid-shutdown"));
    System.err.println("ankid " + Main.version() + " listening on " + url.toString().replaceAll("/$", "")
        + " (collection " + options.collectionFile() + ")");
    if (sync != null) System.err.println("ankid sync server listening on " + sync.url());
    stopped.await();
    return ExitCodes.OK;
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
