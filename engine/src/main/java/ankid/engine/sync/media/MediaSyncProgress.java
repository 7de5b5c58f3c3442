package ankid.engine.sync.media;

/** How far a media sync got (rslib sync/media/progress.rs {@code MediaSyncProgress}). */
public record MediaSyncProgress(int checked, int downloadedFiles, int downloadedDeletions, int uploadedFiles,
    int uploadedDeletions) {
  @FunctionalInterface
  public interface Listener {
    Listener NONE = p -> {};

    void update(MediaSyncProgress progress);
  }
}
