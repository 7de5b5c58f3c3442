package ankid.engine.scheduler;

import ankid.engine.proto.DecksProto;

/**
 * One deck's inputs to the daily limits (rslib/src/decks/limits.rs): its preset (null for filtered
 * decks or a missing preset), per-deck overrides and today's studied counters, as stored in the
 * deck's {@code Normal} protobuf / legacy JSON.
 *
 * @param reviewLimit deck override of reviews/day, null = use the preset
 * @param reviewLimitToday "today only" override, null = none
 * @param lastDayStudied the day the studied counters belong to
 */
public record DeckLimits(DeckPreset preset, Integer reviewLimit, Integer newLimit,
    DayLimit reviewLimitToday, DayLimit newLimitToday, long lastDayStudied, int newStudied,
    int reviewStudied) {

  static final int UNLIMITED = 9999;

  /** A "today only" limit, valid on {@code today} only. */
  public record DayLimit(int limit, long today) {}

  public static DeckLimits filtered() {
    return new DeckLimits(null, null, null, null, null, 0, 0, 0);
  }

  /** From a normal deck's stored protobufs; {@code preset} null if the deck's preset is missing. */
  public static DeckLimits fromDeck(DeckPreset preset, DecksProto.Deck.Common common,
      DecksProto.Deck.Normal normal) {
    return new DeckLimits(preset,
        normal.hasReviewLimit() ? normal.getReviewLimit() : null,
        normal.hasNewLimit() ? normal.getNewLimit() : null,
        normal.hasReviewLimitToday() ? dayLimit(normal.getReviewLimitToday()) : null,
        normal.hasNewLimitToday() ? dayLimit(normal.getNewLimitToday()) : null,
        Integer.toUnsignedLong(common.getLastDayStudied()), common.getNewStudied(),
        common.getReviewStudied());
  }

  private static DayLimit dayLimit(DecksProto.Deck.Normal.DayLimit d) {
    return new DayLimit(d.getLimit(), Integer.toUnsignedLong(d.getToday()));
  }

  public static DeckLimits of(DeckPreset preset) {
    return new DeckLimits(preset, null, null, null, null, 0, 0, 0);
  }

  /** Remaining (review, new) for today. */
  public Remaining remaining(long today, boolean newCardsIgnoreReviewLimit) {
    if (preset == null) return new Remaining(UNLIMITED, UNLIMITED);
    boolean countersValid = lastDayStudied == today;
    int newDone = countersValid ? newStudied : 0;
    int reviewDone = countersValid ? reviewStudied : 0;
    long review = pick(reviewLimitToday, reviewLimit, preset.reviewsPerDay(), today) - reviewDone;
    long fresh = pick(newLimitToday, newLimit, preset.newPerDay(), today) - newDone;
    if (!newCardsIgnoreReviewLimit) {
      review -= newDone;
      fresh = Math.min(fresh, review);
    }
    return new Remaining((int) Math.max(review, 0), (int) Math.max(fresh, 0));
  }

  private static long pick(DayLimit todayOnly, Integer deck, int preset, long today) {
    if (todayOnly != null && todayOnly.today() == today) return todayOnly.limit();
    return deck != null ? deck : preset;
  }

  public record Remaining(int review, int fresh) {
    Remaining cappedBy(Remaining parent) {
      return new Remaining(Math.min(review, parent.review), Math.min(fresh, parent.fresh));
    }
  }
}
