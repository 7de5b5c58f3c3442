package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.storage.Pending;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * One client's normal sync on a server, from {@code start} to {@code finish} (rslib
 * sync/collection: start.rs {@code server_start} and {@code ServerSyncState}, graves.rs, changes.rs,
 * chunks.rs, sanity.rs, finish.rs). The server's side is read when the sync starts; the client's
 * side is collected and applied with the server's in one write transaction at {@code finish}, so
 * the collection is never half-synced and an abandoned sync changes nothing.
 *
 * <p>Not thread-safe: a session's requests arrive one after the other.
 */
public final class ServerSync {
  private final String sessionKey;
  private final int serverUsn;
  private final LocalChanges local;
  private final SyncMerge merge;
  private Deque<Chunk> outgoing;

  private ServerSync(String sessionKey, int serverUsn, LocalChanges local, SyncMerge merge) {
    this.sessionKey = sessionKey;
    this.serverUsn = serverUsn;
    this.local = local;
    this.merge = merge;
  }

  /** What {@code start} answers with: the new session and the server's deletions. */
  public record Started(ServerSync sync, Deletions serverGraves) {}

  /**
   * Starts a sync for a client whose last sync was at {@code clientUsn}. {@code legacyGraves} are
   * the deletions old clients (and AnkiDroid) still send with {@code start}.
   */
  public static Started start(Collection col, String sessionKey, int clientUsn, boolean clientIsNewer,
      Deletions legacyGraves) {
    return col.read(c -> {
      int serverUsn = c.colTable().usn();
      LocalChanges local = LocalChanges.gather(c, Pending.since(clientUsn), !clientIsNewer);
      SyncMerge merge = new SyncMerge(serverUsn, Pending.since(clientUsn), local, c.colTable().timestamps());
      if (legacyGraves != null) merge.addRemoteGraves(legacyGraves);
      return new Started(new ServerSync(sessionKey, serverUsn, local, merge), local.graves());
    });
  }

  public String sessionKey() {
    return sessionKey;
  }

  public void applyGraves(Deletions clientGraves) {
    merge.addRemoteGraves(clientGraves);
  }

  /** Takes the client's notetypes, decks, presets and tags; answers with the server's. */
  public UnchunkedChanges applyChanges(UnchunkedChanges clientChanges) {
    merge.setRemoteChanges(clientChanges);
    return local.changesToSend(new HashSet<>(merge.remoteGraves().decks()), serverUsn);
  }

  /** The server's next chunk of reviews, cards and notes. */
  public Chunk chunk() {
    if (outgoing == null) {
      Set<Long> cards = new HashSet<>(merge.remoteGraves().cards());
      Set<Long> notes = new HashSet<>(merge.remoteGraves().notes());
      outgoing = new ArrayDeque<>(local.chunksToSend(c -> cards.contains(c.id()), n -> notes.contains(n.id()), serverUsn));
    }
    return outgoing.isEmpty() ? new Chunk(true, java.util.List.of(), java.util.List.of(), java.util.List.of())
        : outgoing.poll();
  }

  public void applyChunk(Chunk clientChunk) {
    merge.addRemoteChunk(clientChunk);
  }

  /** The answer to {@code sanityCheck2}. */
  public record SanityCheck(boolean ok, SanityCounts client, SanityCounts server) {}

  /**
   * Merges without committing and compares the counts (rslib sanity.rs server_sanity_check). A
   * merge that fails throws {@link SyncException} (Anki's server answers HTTP 400).
   */
  public SanityCheck sanityCheck(Collection col, SanityCounts client) {
    SanityCounts server = col.writeAndRollBack(merge::apply).compared();
    SanityCounts compared = client.compared();
    return new SanityCheck(compared.equals(server), compared, server);
  }

  /**
   * Commits the sync; returns the collection's new modification time (rslib finish.rs
   * server_finish). If API requests wrote meanwhile, the server's {@code mod} ends a millisecond
   * later than the client's, so the client's next sync fetches those changes.
   */
  public long finish(Collection col) {
    return col.write(c -> {
      boolean changedMeanwhile = merge.changedMeanwhile(c);
      merge.apply(c);
      long now = c.nowMillis();
      c.colTable().setLastSync(now);
      c.colTable().incrementUsn();
      c.setModifiedOnCommit(changedMeanwhile ? now + 1 : now);
      return now;
    });
  }
}
