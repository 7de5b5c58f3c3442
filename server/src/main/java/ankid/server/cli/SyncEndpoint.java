package ankid.server.cli;

import ankid.server.Profiles;
import ankid.server.http.EndpointGuard;
import ankid.server.http.HttpServer;
import ankid.server.http.Origins;
import ankid.server.syncserver.SyncHttpServer;
import ankid.server.syncserver.SyncServerSettings;
import ankid.server.syncserver.SyncService;
import ankid.server.syncserver.SyncUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** The sync server {@code ankid serve} runs beside the API when a sync port is given. */
final class SyncEndpoint implements AutoCloseable {
  private final SyncService service;
  private final SyncHttpServer http;
  private final String host;

  private SyncEndpoint(SyncService service, SyncHttpServer http, String host) {
    this.service = service;
    this.http = http;
    this.host = host;
  }

  /** Starts the sync server when {@code --sync-port} or the config's syncPort asks for one; else null. */
  static SyncEndpoint startIfConfigured(ProfileOptions options, Profiles profiles, String bind, Integer port) {
    SyncServerSettings settings;
    try {
      settings = SyncServerSettings.read(options.configFile()).withBind(bind, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + options.configFile() + ": " + e.getMessage(), e);
    }
    if (settings.port() == null) return null;
    List<String> addresses = settings.bindAddress() == null ? HttpServer.loopbackAddresses()
        : List.of(settings.bindAddress());
    SyncUsers users = new SyncUsers(options.base());
    if (users.all().isEmpty()) {
      System.err.println("ankid: the sync server has no users yet; add one with: ankid user add NAME");
    }
    SyncService service = new SyncService(profiles, users, settings.limits(), Clock.systemDefaultZone());
    EndpointGuard guard = new EndpointGuard(HttpServer.loopbackOnly(addresses),
        new Origins(options.serverConfig().webCorsOriginList()), null);
    SyncHttpServer http = new SyncHttpServer(service, addresses, settings.port(), settings.limits(), guard);
    try {
      http.start();
    } catch (Exception e) {
      service.close();
      throw new CliFailure(ExitCodes.FAILED, "failed to listen for sync on port " + settings.port() + ": " + e.getMessage());
    }
    String a = addresses.get(0);
    String host = a.equals("0.0.0.0") ? "127.0.0.1" : a.contains(":") && !a.startsWith("[") ? "[" + a + "]" : a;
    return new SyncEndpoint(service, http, host);
  }

  String url() {
    return "http://" + host + ":" + http.port() + "/";
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (Exception ignored) {
      // stopping anyway
    }
    service.close();
  }
}
