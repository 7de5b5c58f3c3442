package ankid.server.syncserver;

import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Anki's sync server protocol 11 without the HTTP plumbing (rslib sync/http_server): checks the
 * {@code anki-sync} header, logs users in, finds the user's profile and hands the request to the
 * collection or media methods. One request per profile runs at a time.
 */
public final class SyncService implements AutoCloseable {
  private final Profiles profiles;
  private final SyncUsers users;
  private final SyncLimits limits;
  private final CollectionEndpoints collection;
  private final MediaEndpoints media = new MediaEndpoints();
  private final Map<String, ProfileSync> states = new HashMap<>();
  private volatile java.util.function.Consumer<String> beforeRequest = path -> {};

  public SyncService(Profiles profiles, SyncUsers users, SyncLimits limits, Clock clock) {
    this.profiles = profiles;
    this.users = users;
    this.limits = limits;
    this.collection = new CollectionEndpoints(limits, clock);
  }

  /**
   * Handles a POST to {@code path}; throws {@link HttpStatusException} for every answer but 200.
   * Requests without the header are the multipart protocol of Anki 2.1.56 and older clients,
   * which ankid does not speak: they are told their client is too old.
   */
  SyncReply handle(String path, String syncHeader, InputStream body, long contentLength) {
    beforeRequest.accept(path);
    if (syncHeader == null) throw new HttpStatusException(501, "sync protocol 10 or older (multipart) is not supported");
    SyncHeader header = SyncHeader.parse(syncHeader);
    header.ensureSupported();
    SyncBodies bodies = new SyncBodies(body, contentLength, limits);
    if (path.equals("/sync/hostKey")) return hostKey(bodies.json());
    SyncUsers.User user = users.byHostKey(header.hostKey())
        .orElseThrow(() -> HttpStatusException.forbidden("invalid hkey"));
    ProfileSync p = state(user.profile());
    synchronized (p) {
      if (path.startsWith("/sync/")) return collection.handle(path.substring("/sync/".length()), header, bodies, p);
      if (path.startsWith("/msync/")) return media.handle(path.substring("/msync/".length()), header, bodies, p);
    }
    throw new HttpStatusException(404, "not found: " + path);
  }

  /** Sees each request's path before it is handled (tests pause a sync there). */
  void beforeRequest(java.util.function.Consumer<String> listener) {
    beforeRequest = listener;
  }

  /** rslib http_server/mod.rs get_host_key: the user's host key, or 403. */
  private SyncReply hostKey(JsonNode req) {
    String name = CollectionEndpoints.require(req, "u").asText();
    String password = CollectionEndpoints.require(req, "p").asText();
    SyncUsers.User user = users.login(name, password)
        .orElseThrow(() -> HttpStatusException.forbidden("invalid user/pass in get_host_key"));
    return SyncReply.json(JsonNodeFactory.instance.objectNode().put("key", user.hostKey()));
  }

  private synchronized ProfileSync state(String profile) {
    return states.computeIfAbsent(profile, name -> new ProfileSync(name, profiles.retain(name)));
  }

  @Override
  public synchronized void close() {
    for (ProfileSync p : states.values()) {
      synchronized (p) {
        p.abort();
        p.closeMedia();
      }
    }
    states.clear();
  }
}
