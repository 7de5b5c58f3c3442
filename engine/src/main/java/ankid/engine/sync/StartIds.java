package ankid.engine.sync;

import ankid.engine.Collection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids each table held when a sync started. API requests may add and delete rows while a sync
 * is under way; with these the sanity check can count the collection as the sync alone left it.
 */
public record StartIds(long[] cards, long[] notes, Set<Long> notetypes, Set<Long> decks, Set<Long> deckConfigs) {
  static StartIds read(Collection col) {
    return new StartIds(
        sorted(col.cards().store().allIds()),
        sorted(col.notes().store().allIds()),
        new HashSet<>(col.notetypes().store().allIds()),
        new HashSet<>(col.decks().store().allIds()),
        new HashSet<>(col.deckConfigs().store().allIds()));
  }

  private static long[] sorted(List<Long> ids) {
    long[] out = new long[ids.size()];
    for (int i = 0; i < out.length; i++) out[i] = ids.get(i);
    Arrays.sort(out);
    return out;
  }

  boolean hadCard(long id) {
    return Arrays.binarySearch(cards, id) >= 0;
  }

  boolean hadNote(long id) {
    return Arrays.binarySearch(notes, id) >= 0;
  }
}
