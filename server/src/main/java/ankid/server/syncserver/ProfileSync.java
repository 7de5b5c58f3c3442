package ankid.server.syncserver;

import ankid.engine.Collection;
import ankid.engine.sync.ServerSync;

/**
 * The sync server's state for one profile (rslib http_server/user.rs {@code User}): at most one
 * normal sync in progress, identified by the client's session key. Several users mapped to the
 * same profile share it, so two devices never merge into one collection at once. Callers hold
 * this object's monitor for the whole request.
 */
final class ProfileSync {
  final String profile;
  final Collection col;
  private ServerSync active;
  private long lastUsed;
  private ankid.engine.sync.media.ServerMedia media;

  ProfileSync(String profile, Collection col) {
    this.profile = profile;
    this.col = col;
  }

  /** rslib user.rs with_sync_state: the running sync for this session key, else 409. */
  ServerSync session(String sessionKey, long now, long abandonedAfterMillis) {
    dropIfAbandoned(now, abandonedAfterMillis);
    if (active == null) throw HttpStatusException.conflict("no active sync");
    if (!active.sessionKey().equals(sessionKey)) throw HttpStatusException.conflict("active sync with different key");
    lastUsed = now;
    return active;
  }

  void begin(ServerSync sync, long now) {
    active = sync;
    lastUsed = now;
  }

  /** rslib abort_stateful_sync_if_active: the client's merged data is simply forgotten. */
  void abort() {
    active = null;
  }

  private void dropIfAbandoned(long now, long abandonedAfterMillis) {
    if (active != null && now - lastUsed > abandonedAfterMillis) active = null;
  }

  ankid.engine.sync.media.ServerMedia media() {
    if (media == null) media = ankid.engine.sync.media.ServerMedia.open(col.mediaFolder(), col.path().resolveSibling(
        ankid.engine.sync.media.ServerMedia.DB_FILE));
    return media;
  }

  void closeMedia() {
    if (media != null) media.close();
    media = null;
  }
}
