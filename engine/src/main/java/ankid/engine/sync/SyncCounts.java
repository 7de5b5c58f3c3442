package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.revlog.RevlogStore;
import ankid.engine.storage.GraveStore;
import ankid.engine.storage.Pending;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The sanity check's counts (rslib storage/sync_check.rs {@code sanity_check_info}) of the
 * collection as the sync alone leaves it. Rows API requests added while the sync ran (usn -1, not
 * there at the start) are left out and rows they deleted meanwhile are counted back, because the
 * other side knows nothing of them yet; the next sync sends those changes.
 */
final class SyncCounts {
  private SyncCounts() {}

  static SanityCounts count(Collection col, StartIds start, Deletions remote) {
    Set<Long> remoteCards = new HashSet<>(remote.cards());
    Set<Long> remoteNotes = new HashSet<>(remote.notes());
    Set<Long> remoteDecks = new HashSet<>(remote.decks());
    long cards = col.cards().store().count()
        - countIf(col.cards().store().localIds(), id -> !start.hadCard(id))
        + countIf(col.graves().local(GraveStore.CARD), id -> start.hadCard(id) && !remoteCards.contains(id));
    long notes = col.notes().store().count()
        - countIf(col.notes().store().localIds(), id -> !start.hadNote(id))
        + countIf(col.graves().local(GraveStore.NOTE), id -> start.hadNote(id) && !remoteNotes.contains(id));
    long revlog = col.revlog().count() - col.revlog().localIds().size();
    long notetypes = adjusted(col.notetypes().store().count(), col.notetypes().store().pendingIds(Pending.local()),
        col.notetypes().store().allIds(), start.notetypes(), Set.of());
    long decks = adjusted(col.decks().store().count(), col.decks().store().pendingIds(Pending.local()),
        col.decks().store().allIds(), start.decks(), remoteDecks);
    long deckConfigs = adjusted(col.deckConfigs().store().count(), col.deckConfigs().store().pendingIds(Pending.local()),
        col.deckConfigs().store().allIds(), start.deckConfigs(), Set.of());
    return new SanityCounts(0, 0, 0, cards, notes, revlog, col.graves().count(), notetypes, decks, deckConfigs);
  }

  private static long adjusted(long count, List<Long> local, List<Long> now, Set<Long> atStart, Set<Long> deletedBySync) {
    Set<Long> present = new HashSet<>(now);
    long added = countIf(local, id -> !atStart.contains(id));
    long removed = atStart.stream().filter(id -> !present.contains(id) && !deletedBySync.contains(id)).count();
    return count - added + removed;
  }

  private static long countIf(List<Long> ids, LongPredicate p) {
    return ids.stream().filter(p::test).count();
  }
}
