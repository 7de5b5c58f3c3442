package ankid.server.syncserver;

import ankid.server.Profiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** ankid's sync server on a free loopback port over a base folder, with one user. */
final class SyncServerFixture implements AutoCloseable {
  static final String USER = "user";
  static final String PASSWORD = "pass word";

  final Path base;
  final Profiles profiles;
  final SyncUsers users;
  final SyncService service;
  final SyncHttpServer http;

  SyncServerFixture(Path base) throws Exception {
    this(base, SyncLimits.defaults());
  }

  SyncServerFixture(Path base, SyncLimits limits) throws Exception {
    this.base = base;
    profiles = new Profiles(base, Clock.systemDefaultZone());
    profiles.open("User 1");
    users = new SyncUsers(base);
    // few rounds: these tests log in often, and the hash format carries the count
    users.put(USER, PASSWORD.toCharArray(), "User 1", 1000);
    service = new SyncService(profiles, users, limits, Clock.systemDefaultZone());
    http = new SyncHttpServer(service, List.of("127.0.0.1"), 0, limits);
    http.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + http.port() + "/";
  }

  ankid.engine.Collection collection() {
    return profiles.collection();
  }

  @Override
  public void close() throws Exception {
    http.close();
    service.close();
    profiles.close();
  }
}
