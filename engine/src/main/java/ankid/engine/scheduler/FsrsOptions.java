package ankid.engine.scheduler;

/**
 * FSRS inputs beyond the preset.
 *
 * @param desiredRetention the deck's override if set, else the preset's value
 * @param shortTermWithSteps collection config {@code fsrsShortTermWithStepsEnabled}
 * @param historyMemory memory recomputed from the card's revlog ({@link FsrsHistory}) for a card
 *     without stored {@code s}/{@code d}; null = none (then SM-2 data is used if ivl > 0)
 * @param lastReviewFromRevlog unix secs of the newest non-cramming graded revlog entry, used when
 *     card data has no {@code lrt}; null = none
 */
public record FsrsOptions(boolean enabled, float desiredRetention, boolean shortTermWithSteps,
    MemoryState historyMemory, Long lastReviewFromRevlog) {
  public static final FsrsOptions OFF = new FsrsOptions(false, 0.9f, false, null, null);
}
