package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.revlog.RevlogStore;
import ankid.engine.storage.GraveStore;
import ankid.engine.storage.Pending;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a normal sync changes on one side, applied in one transaction at the end (rslib
 * sync/collection: graves.rs {@code apply_graves}, changes.rs {@code apply_changes}, chunks.rs
 * {@code apply_chunk}, then the usns of what was sent). rslib keeps a transaction open from
 * {@code start} to {@code finish}; ankid collects the other side's data instead, so API requests
 * keep running during a sync and never see half of it.
 *
 * <p>Rows API requests write while the sync runs keep usn -1, so the next sync sends them: they
 * count as local changes when newer-wins decides, a deletion made meanwhile beats an incoming
 * edit, and the sanity counts leave them out.
 */
public final class SyncMerge {
  private final int usn;
  private final Pending localPending;
  private final LocalChanges sent;
  private final long schemaAtStart;
  private final long modifiedAtStart;
  private Deletions remoteGraves = Deletions.NONE;
  private UnchunkedChanges remoteChanges;
  private final List<Chunk> remoteChunks = new ArrayList<>();

  /**
   * @param usn the server's usn for this sync: what merged rows and synced local rows get
   * @param localPending the local rows newer-wins treats as changed here since the last sync
   * @param sent what this side sends, read when the sync started
   * @param atStart this side's {@code mod} and {@code scm} when it was read
   */
  public SyncMerge(int usn, Pending localPending, LocalChanges sent, ankid.engine.storage.ColStore.Timestamps atStart) {
    this.usn = usn;
    this.localPending = localPending;
    this.sent = sent;
    this.schemaAtStart = atStart.schemaModified();
    this.modifiedAtStart = atStart.modified();
  }

  /**
   * Whether API requests changed the collection since the sync read it. Their changes keep usn -1
   * and go out with the next sync, which must then not look unnecessary: the caller leaves a
   * {@code mod} that differs from the one both sides agree on.
   */
  public boolean changedMeanwhile(Collection col) {
    return col.colTable().timestamps().modified() != modifiedAtStart;
  }

  public void addRemoteGraves(Deletions graves) {
    remoteGraves = remoteGraves.plus(graves);
  }

  public Deletions remoteGraves() {
    return remoteGraves;
  }

  public void setRemoteChanges(UnchunkedChanges changes) {
    remoteChanges = changes;
  }

  public void addRemoteChunk(Chunk chunk) {
    remoteChunks.add(chunk);
  }

  /** Applies the sync; returns the counts the sanity check compares. Call inside a write. */
  public SanityCounts apply(Collection col) {
    if (col.colTable().timestamps().schemaModified() != schemaAtStart) {
      throw new SyncException(SyncException.Kind.DATABASE_CHECK_REQUIRED,
          "the collection's schema changed during the sync; sync again (a full sync is now required)");
    }
    for (long id : sent.graves().cards()) col.graves().setUsn(id, GraveStore.CARD, usn);
    for (long id : sent.graves().notes()) col.graves().setUsn(id, GraveStore.NOTE, usn);
    for (long id : sent.graves().decks()) col.graves().setUsn(id, GraveStore.DECK, usn);
    applyGraves(col);
    if (remoteChanges != null) new ChangesMerge(col, usn, new HashSet<>(col.graves().local(GraveStore.DECK)))
        .apply(remoteChanges);
    if (sent.config() != null) col.config().clearUsns();
    Set<Long> deletedCards = new HashSet<>(col.graves().local(GraveStore.CARD));
    Set<Long> deletedNotes = new HashSet<>(col.graves().local(GraveStore.NOTE));
    for (Chunk chunk : remoteChunks) {
      for (RevlogEntry e : chunk.revlog()) col.revlog().addSynced(e);
      for (Card c : chunk.cards()) if (!deletedCards.contains(c.id())) mergeCard(col, c);
      for (Note n : chunk.notes()) if (!deletedNotes.contains(n.id())) mergeNote(col, n);
    }
    markSent(col);
    return SyncCounts.count(col, sent.startIds(), remoteGraves);
  }

  private void applyGraves(Collection col) {
    for (long nid : remoteGraves.notes()) {
      col.notes().store().delete(nid);
      col.graves().addSynced(nid, GraveStore.NOTE, usn);
    }
    for (long cid : remoteGraves.cards()) {
      col.cards().store().delete(cid);
      col.graves().addSynced(cid, GraveStore.CARD, usn);
    }
    for (long did : remoteGraves.decks()) {
      col.decks().store().delete(did);
      col.graves().addSynced(did, GraveStore.DECK, usn);
    }
  }

  /** rslib chunks.rs add_or_update_card_if_newer: a local change wins unless the incoming one is newer. */
  private void mergeCard(Collection col, Card incoming) {
    Card existing = col.cards().get(incoming.id()).orElse(null);
    if (existing == null || !localPending.includes(existing.usn()) || existing.mod() < incoming.mod()) {
      col.cards().store().putSynced(incoming);
    }
  }

  /** rslib chunks.rs add_or_update_note_if_newer, with prepare_for_update's checks. */
  private void mergeNote(Collection col, Note incoming) {
    Note existing = col.notes().get(incoming.id()).orElse(null);
    if (existing != null && localPending.includes(existing.usn()) && existing.mtimeSecs() >= incoming.mtimeSecs()) {
      return;
    }
    Notetype nt = col.notetypes().get(incoming.notetypeId()).orElseThrow(() -> new SyncException(
        SyncException.Kind.DATABASE_CHECK_REQUIRED, "note " + incoming.id() + " is missing its notetype"));
    int expected = Math.max(1, nt.fields().size());
    if (incoming.fields().size() != expected) {
      throw new SyncException(SyncException.Kind.DATABASE_CHECK_REQUIRED,
          "note has " + incoming.fields().size() + " fields, expected " + expected);
    }
    List<String> fields = incoming.fields().stream()
        .map(f -> ankid.engine.note.NoteText.normalizeField(f, false)).toList();
    col.notes().store().put(incoming.withFields(fields), nt.sortFieldIndex());
  }

  /** What this side sent, if still as sent, is now synced at the server's usn. */
  private void markSent(Collection col) {
    for (Notetype nt : sent.notetypes()) {
      if (nt.usn() == -1 && col.notetypes().get(nt.id()).filter(nt::equals).isPresent()) {
        col.notetypes().store().setUsn(nt.id(), usn);
      }
    }
    for (Deck d : sent.decks()) {
      if (d.usn() == -1 && col.decks().get(d.id()).filter(d::equals).isPresent()) col.decks().store().setUsn(d.id(), usn);
    }
    for (DeckConfig c : sent.deckConfigs()) {
      if (c.usn() == -1 && col.deckConfigs().get(c.id()).filter(c::equals).isPresent()) {
        col.deckConfigs().store().setUsn(c.id(), usn);
      }
    }
    for (String tag : sent.localTags()) col.tags().store().setUsn(tag, usn);
    for (RevlogEntry e : sent.revlog()) if (e.usn() == -1) col.revlog().setUsn(e.id(), usn);
    for (Card c : sent.cards()) {
      if (c.usn() == -1 && col.cards().get(c.id()).filter(c::equals).isPresent()) col.cards().store().setUsn(c.id(), usn);
    }
    for (Note n : sent.notes()) {
      if (n.usn() == -1 && col.notes().get(n.id()).filter(n::equals).isPresent()) col.notes().store().setUsn(n.id(), usn);
    }
  }
}
