package ankid.server.api;

import ankid.engine.Collection;
import ankid.engine.sync.SyncRequired;
import ankid.server.Profiles;
import ankid.server.syncclient.ClientSync;
import ankid.server.syncclient.SyncLogin;
import java.nio.file.Path;
import java.time.Duration;

/** AnkiConnect's {@code sync} (api doc "sync"): a normal sync, with media, of the active profile. */
public final class SyncActions {
  private final Profiles profiles;

  public SyncActions(Profiles profiles) {
    this.profiles = profiles;
  }

  /**
   * Syncs with the server the profile logged in to ({@code ankid login}). As in AnkiConnect, a
   * required full sync is an error naming the status, never done silently.
   */
  @Action(effect = Effect.DESTRUCTIVE, ownTransactions = true)
  public Object sync() {
    Collection col = profiles.collection();
    Path folder = col.path().toAbsolutePath().getParent();
    if (SyncLogin.read(folder).isEmpty()) throw new ApiError("sync: auth not configured");
    ClientSync.Result r = new ClientSync(col, folder, Duration.ofMinutes(2))
        .sync(ClientSync.Full.NONE, true, ankid.engine.Progress.NONE);
    if (r.required() != SyncRequired.NO_CHANGES && r.required() != SyncRequired.NORMAL_SYNC) {
      throw new ApiError("Sync status " + r.required().protoValue() + " not one of [0, 1] - see"
          + " SyncCollectionResponse.ChangesRequired for list of sync statuses:"
          + " https://github.com/ankitects/anki/blob/e41c4573d789afe8b020fab5d9d1eede50c3fa3d/proto/anki/sync.proto#L57-L65");
    }
    return null;
  }
}
