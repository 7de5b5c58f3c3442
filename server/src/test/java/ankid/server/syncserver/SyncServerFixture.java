package ankid.server.syncserver;

import ankid.engine.Collection;
import ankid.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * ankid as a user runs it for sync: the AnkiConnect API and the sync server on free loopback
 * ports over one base folder, with one sync user on profile "User 1".
 */
final class SyncServerFixture implements AutoCloseable {
  static final String USER = "user";
  static final String PASSWORD = "pass word";

  final Path base;
  final TestServer api;
  final SyncUsers users;
  final SyncService service;
  final SyncHttpServer http;

  SyncServerFixture(Path base) throws Exception {
    this(base, SyncLimits.defaults());
  }

  SyncServerFixture(Path base, SyncLimits limits) throws Exception {
    this.base = base;
    api = new TestServer(base);
    users = new SyncUsers(base);
    // few rounds: these tests log in often, and the hash records its round count
    users.put(USER, PASSWORD.toCharArray(), "User 1", 1000);
    service = new SyncService(api.profiles(), users, limits, Clock.systemDefaultZone());
    http = new SyncHttpServer(service, List.of("127.0.0.1"), 0, limits);
    http.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + http.port() + "/";
  }

  Collection collection() {
    return api.profiles().collection();
  }

  /** Calls an AnkiConnect action; fails on an error. */
  JsonNode call(String action, String params) throws Exception {
    return api.result(action, params);
  }

  long scalar(String sql, Object... args) {
    return collection().read(c -> c.db().queryLong(sql, 0, args));
  }

  @Override
  public void close() throws Exception {
    http.close();
    service.close();
    api.close();
  }
}
