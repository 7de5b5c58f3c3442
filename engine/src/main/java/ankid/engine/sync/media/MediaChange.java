package ankid.engine.sync.media;

/**
 * One entry of the server's media change list (rslib sync/media/changes.rs {@code MediaChange}):
 * the file's SHA-1 in hex, or "" when it was deleted.
 */
public record MediaChange(String fname, int usn, String sha1) {
  public boolean isDeletion() {
    return sha1.isEmpty();
  }
}
