package ankid.engine.sync;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ankid's server side called directly, without HTTP: what the sync server does per request,
 * for engine tests of the merge rules. Messages go through {@link SyncJson} both ways, as on
 * the wire.
 */
final class InProcessServer implements SyncServerApi {
  private final ankid.engine.Collection col;
  private ServerSync session;
  int requests;

  InProcessServer(ankid.engine.Collection col) {
    this.col = col;
  }

  @Override
  public SyncMeta meta() {
    requests++;
    session = null;
    return SyncJson.meta(SyncJson.meta(col.read(SyncMeta::read)));
  }

  @Override
  public Deletions start(int clientUsn, boolean localIsNewer) {
    requests++;
    ServerSync.Started s = ServerSync.start(col, "s", clientUsn, localIsNewer, null);
    session = s.sync();
    return SyncJson.graves(SyncJson.graves(s.serverGraves()));
  }

  @Override
  public void applyGraves(Deletions chunk) {
    requests++;
    session.applyGraves(SyncJson.graves(SyncJson.graves(chunk)));
  }

  @Override
  public UnchunkedChanges applyChanges(UnchunkedChanges changes) {
    requests++;
    return SyncJson.changes(SyncJson.changes(session.applyChanges(SyncJson.changes(SyncJson.changes(changes)))));
  }

  @Override
  public Chunk chunk() {
    requests++;
    return SyncJson.chunk(SyncJson.chunk(session.chunk()));
  }

  @Override
  public void applyChunk(Chunk chunk) {
    requests++;
    session.applyChunk(SyncJson.chunk(SyncJson.chunk(chunk)));
  }

  @Override
  public ServerSync.SanityCheck sanityCheck(SanityCounts client) {
    requests++;
    return SyncJson.sanityCheck(SyncJson.sanityCheck(session.sanityCheck(col, SyncJson.counts(SyncJson.counts(client)))));
  }

  @Override
  public long finish() {
    requests++;
    long mod = session.finish(col);
    session = null;
    return mod;
  }

  @Override
  public void abort() {
    requests++;
    session = null;
  }

  @Override
  public void upload(Path collectionFile) {
    requests++;
    try {
      Path copy = col.path().resolveSibling("incoming.anki2");
      Files.copy(collectionFile, copy);
      String reply = FullSync.replaceWithUpload(col, copy, Long.MAX_VALUE);
      if (!reply.equals("OK")) throw new SyncException(SyncException.Kind.SERVER_MESSAGE, reply);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void download(Path target) {
    requests++;
    FullSync.exportForDownload(col, target);
  }
}
