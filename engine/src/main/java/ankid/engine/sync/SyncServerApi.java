package ankid.engine.sync;

import java.nio.file.Path;

/**
 * A sync server's collection methods as a client calls them (rslib sync/collection/protocol.rs
 * {@code SyncProtocol}). The engine knows nothing of HTTP; the server module implements this over
 * Anki's wire protocol. Failures are {@link SyncException}s.
 */
public interface SyncServerApi {
  SyncMeta meta();

  Deletions start(int clientUsn, boolean localIsNewer);

  void applyGraves(Deletions chunk);

  UnchunkedChanges applyChanges(UnchunkedChanges changes);

  Chunk chunk();

  void applyChunk(Chunk chunk);

  ServerSync.SanityCheck sanityCheck(SanityCounts client);

  /** The server's new modification time. */
  long finish();

  void abort();

  /** Sends the whole collection file; a refusal is a {@link SyncException} with the server's message. */
  void upload(Path collectionFile);

  /** Fetches the server's collection file into {@code target}. */
  void download(Path target);
}
