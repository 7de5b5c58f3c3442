package ankid.engine.sync;

/**
 * How far a normal sync got (rslib normal.rs {@code NormalSyncProgress}): objects sent and
 * received, deletions each way.
 */
public record SyncProgress(String stage, int localUpdate, int localRemove, int remoteUpdate, int remoteRemove) {
  /** Receives progress as a sync runs; calls come from the syncing thread. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = p -> {};

    void update(SyncProgress progress);
  }
}
