package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.card.Card;
import ankid.engine.note.Note;
import ankid.engine.storage.Pending;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's collection sync (rslib sync/collection/normal.rs {@code NormalSyncer}): compares
 * meta, then either reports that a full sync is needed or runs a normal sync. Our side is read
 * when the sync starts and, like a server's, applied with the server's in one write transaction
 * after the server's {@code finish}, so API requests are never held up by the network and never
 * see half a sync.
 */
public final class NormalSyncer {
  /** rslib status.rs: the clocks may differ by five minutes. */
  private static final long MAX_CLOCK_SKEW_SECS = 300;

  private final Collection col;
  private final SyncServerApi server;
  private final Progress progress;
  private int localUpdate, localRemove, remoteUpdate, remoteRemove;

  public NormalSyncer(Collection col, SyncServerApi server, Progress progress) {
    this.col = col;
    this.server = server;
    this.progress = progress;
  }

  public SyncOutput sync() {
    SyncMeta local = col.read(SyncMeta::read);
    SyncMeta remote = server.meta();
    if (!remote.shouldContinue()) throw new SyncException(SyncException.Kind.SERVER_MESSAGE, remote.message());
    if (Math.abs(remote.serverTime() - local.serverTime()) > MAX_CLOCK_SKEW_SECS) {
      throw new SyncException(SyncException.Kind.CLOCK_INCORRECT,
          "Unable to sync - your clock is not set to the correct time.");
    }
    SyncRequired required = local.comparedTo(remote);
    if (required == SyncRequired.NORMAL_SYNC) {
      normalSync(local, remote);
      required = SyncRequired.NO_CHANGES;
    }
    return new SyncOutput(required, remote.message(), remote.hostNumber(), remote.mediaUsn());
  }

  private void normalSync(SyncMeta local, SyncMeta remote) {
    boolean localIsNewer = local.modified() > remote.modified();
    int serverUsn = remote.usn();
    record Start(LocalChanges changes, ankid.engine.storage.ColStore.Timestamps times) {}
    Start start = col.read(c -> new Start(LocalChanges.gather(c, Pending.local(), localIsNewer), c.colTable().timestamps()));
    LocalChanges mine = start.changes();
    SyncMerge merge = new SyncMerge(serverUsn, Pending.local(), mine, start.times());
    boolean sanityFailed = false;
    try {
      report("syncing");
      Deletions theirGraves = server.start(local.usn(), localIsNewer);
      merge.addRemoteGraves(theirGraves);
      for (Deletions chunk : mine.graves().chunks()) {
        localRemove += chunk.size();
        report("syncing");
        server.applyGraves(chunk);
      }
      remoteRemove += theirGraves.size();
      UnchunkedChanges ours = mine.changesToSend(new HashSet<>(theirGraves.decks()), serverUsn);
      localUpdate += ours.size();
      UnchunkedChanges theirs = server.applyChanges(ours);
      remoteUpdate += theirs.size();
      merge.setRemoteChanges(theirs);
      report("syncing");
      sendChunks(mine, merge, receiveChunks(merge), theirGraves, serverUsn);
      report("finalizing");
      SanityCounts counts = col.writeAndRollBack(merge::apply);
      ServerSync.SanityCheck check = server.sanityCheck(counts);
      if (!check.ok()) {
        sanityFailed = true;
        throw new SyncException(SyncException.Kind.SANITY_CHECK_FAILED,
            "the collections differ after syncing (ours " + check.client() + ", the server's " + check.server()
                + "); a full sync is required");
      }
      long serverMod = server.finish();
      col.write(c -> {
        // API requests that wrote meanwhile leave this side newer, so the next sync sends their changes
        boolean changedMeanwhile = merge.changedMeanwhile(c);
        merge.apply(c);
        c.colTable().setLastSync(serverMod);
        c.colTable().setUsn(serverUsn + 1);
        c.setModifiedOnCommit(changedMeanwhile ? serverMod + 1 : serverMod);
        return null;
      });
    } catch (RuntimeException e) {
      try {
        server.abort();
      } catch (RuntimeException ignored) {
        // the server forgets an abandoned sync on its own
      }
      // rslib normal.rs: after a failed sanity check the next sync must be a full one
      if (sanityFailed) col.write(c -> {
        c.markSchemaModified();
        return null;
      });
      throw e;
    }
  }

  /** Modification times of the cards and notes the server sent. */
  private record Mtimes(Map<Long, Long> cards, Map<Long, Long> notes) {}

  private Mtimes receiveChunks(SyncMerge merge) {
    Map<Long, Long> cards = new HashMap<>();
    Map<Long, Long> notes = new HashMap<>();
    while (true) {
      Chunk chunk = server.chunk();
      merge.addRemoteChunk(chunk);
      for (Card c : chunk.cards()) cards.put(c.id(), c.mod());
      for (Note n : chunk.notes()) notes.put(n.id(), n.mtimeSecs());
      remoteUpdate += chunk.cards().size() + chunk.notes().size() + chunk.revlog().size();
      report("syncing");
      if (chunk.done()) return new Mtimes(cards, notes);
    }
  }

  /**
   * Our reviews, cards and notes, without those the server deleted or has a newer version of
   * (rslib applies the server's chunks before gathering its own).
   */
  private void sendChunks(LocalChanges mine, SyncMerge merge, Mtimes theirs, Deletions theirGraves,
      int serverUsn) {
    Set<Long> goneCards = new HashSet<>(theirGraves.cards());
    Set<Long> goneNotes = new HashSet<>(theirGraves.notes());
    List<Chunk> chunks = mine.chunksToSend(
        c -> goneCards.contains(c.id()) || theirs.cards().getOrDefault(c.id(), Long.MIN_VALUE) > c.mod(),
        n -> goneNotes.contains(n.id()) || theirs.notes().getOrDefault(n.id(), Long.MIN_VALUE) > n.mtimeSecs(),
        serverUsn);
    for (Chunk chunk : chunks) {
      server.applyChunk(chunk);
      localUpdate += chunk.cards().size() + chunk.notes().size() + chunk.revlog().size();
      report("syncing");
    }
  }

  /** Objects sent and received so far; how many there will be is not known up front. */
  private void report(String stage) {
    progress.report(stage, localUpdate + localRemove + remoteUpdate + remoteRemove, 0);
  }
}
