package ankid.server.syncclient;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.sync.FullSync;
import ankid.engine.sync.NormalSyncer;
import ankid.engine.sync.SyncException;
import ankid.engine.sync.SyncOutput;
import ankid.engine.sync.SyncRequired;
import ankid.engine.sync.media.ClientMediaDb;
import ankid.engine.sync.media.MediaSyncer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Syncs one profile's collection with the server it logged in to, as Anki's sync button does: a
 * normal sync (or the full sync the caller chose), then the media. A 308 redirect is remembered
 * in the profile's login.
 */
public final class ClientSync {
  /** What to do when a full sync is required; NONE only reports it. */
  public enum Full { NONE, UPLOAD, DOWNLOAD }

  /** What happened: what the collection still needs, the server's message, the media outcome (null when not synced). */
  public record Result(SyncRequired required, String serverMessage, String mediaError, boolean mediaSynced) {}

  private final Collection col;
  private final Path profileFolder;
  private final Duration timeout;

  public ClientSync(Collection col, Path profileFolder, Duration timeout) {
    this.col = col;
    this.profileFolder = profileFolder;
    this.timeout = timeout;
  }

  /**
   * Syncs. With {@code full} UPLOAD or DOWNLOAD the collection is replaced one way without a normal
   * sync first, as Anki does after the user chose; otherwise a required full sync is only reported.
   */
  public Result sync(Full full, boolean withMedia, Progress progress) {
    refuseIfServed();
    SyncLogin login = SyncLogin.read(profileFolder).orElseThrow(() -> new SyncException(SyncException.Kind.AUTH_FAILED,
        "not logged in to a sync server: run ankid login first"));
    HttpSyncClient server = new HttpSyncClient(login.endpoint(), login.hostKey(), timeout);
    server.onTransfer(progress);
    SyncRequired required;
    String message;
    try {
      if (full == Full.NONE) {
        SyncOutput out = new NormalSyncer(col, server, progress).sync();
        required = out.required();
        message = out.serverMessage();
      } else {
        if (full == Full.UPLOAD) FullSync.upload(col, server);
        else FullSync.download(col, server);
        required = SyncRequired.NO_CHANGES;
        message = "";
      }
    } finally {
      if (server.newEndpoint() != null) login.withEndpoint(server.newEndpoint()).write(profileFolder);
    }
    if (!withMedia || !login.syncMedia()) return new Result(required, message, null, false);
    try (ClientMediaDb db = ClientMediaDb.open(col.path().resolveSibling(ClientMediaDb.FILE))) {
      new MediaSyncer(col.mediaFolder(), db, server, progress).sync();
      return new Result(required, message, null, true);
    } catch (SyncException e) {
      return new Result(required, message, e.getMessage(), true);
    }
  }

  /**
   * A profile ankid serves to sync users keeps its usn columns in the server's numbering; syncing
   * it with another server as well would mix two numberings, so one profile has one role.
   */
  private void refuseIfServed() {
    Path base = profileFolder.toAbsolutePath().getParent();
    String profile = profileFolder.getFileName().toString();
    boolean served = new ankid.server.syncserver.SyncUsers(base).all().stream().anyMatch(u -> u.profile().equals(profile));
    if (served) {
      throw new SyncException(SyncException.Kind.OTHER, "profile '" + profile
          + "' is served to sync users of this ankid; a served profile cannot also sync with another server");
    }
  }
}
