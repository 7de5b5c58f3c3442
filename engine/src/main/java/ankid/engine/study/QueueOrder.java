package ankid.engine.study;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config.ReviewCardOrder;
import ankid.engine.scheduler.SchedTimingToday;
import java.util.ArrayList;
import java.util.List;

/**
 * The ORDER BY clauses the queue builder gathers cards in (rslib {@code storage/card/mod.rs},
 * {@code review_order_sql} and {@code NewCardSorting::write}).
 */
final class QueueOrder {
  private QueueOrder() {}

  /** How new cards are read from storage. */
  enum NewSorting {
    LOWEST_POSITION, HIGHEST_POSITION, RANDOM_NOTES, RANDOM_CARDS;

    String sql(long salt) {
      return switch (this) {
        case LOWEST_POSITION -> "due asc, ord asc";
        case HIGHEST_POSITION -> "due desc, ord asc";
        case RANDOM_NOTES -> "fnvhash(nid, " + salt + "), ord asc";
        case RANDOM_CARDS -> "fnvhash(id, " + salt + ")";
      };
    }
  }

  /** Reviews and interday learning cards; every order ends with a stable shuffle. */
  static String review(ReviewCardOrder order, SchedTimingToday timing, boolean fsrs) {
    long today = timing.daysElapsed();
    String deck = "(select pos from active_decks ad where ad.id = did)";
    String retrievability = "extract_fsrs_retrievability(data, case when odue != 0 then odue else due end, ivl, "
        + today + ", " + timing.nextDayAt() + ", " + timing.now() + ")";
    List<String> parts = new ArrayList<>(switch (order) {
      case REVIEW_CARD_ORDER_DAY_THEN_DECK -> List.of("due", deck);
      case REVIEW_CARD_ORDER_DECK_THEN_DAY -> List.of(deck, "due");
      case REVIEW_CARD_ORDER_INTERVALS_ASCENDING -> List.of("ivl asc");
      case REVIEW_CARD_ORDER_INTERVALS_DESCENDING -> List.of("ivl desc");
      case REVIEW_CARD_ORDER_EASE_ASCENDING ->
          List.of(fsrs ? "extract_fsrs_variable(data, 'd') desc" : "factor asc");
      case REVIEW_CARD_ORDER_EASE_DESCENDING ->
          List.of(fsrs ? "extract_fsrs_variable(data, 'd') asc" : "factor desc");
      case REVIEW_CARD_ORDER_RETRIEVABILITY_ASCENDING -> List.of(retrievability + " asc");
      case REVIEW_CARD_ORDER_RETRIEVABILITY_DESCENDING -> List.of(retrievability + " desc");
      case REVIEW_CARD_ORDER_RELATIVE_OVERDUENESS -> List.of(fsrs
          ? "extract_fsrs_relative_retrievability(data, case when odue != 0 then odue else due end, ivl, "
              + today + ", " + timing.nextDayAt() + ", " + timing.now() + ") asc"
          : "-(1 + cast(" + today + "-due+0.001 as real)/ivl) asc");
      case REVIEW_CARD_ORDER_RANDOM -> List.of();
      case REVIEW_CARD_ORDER_ADDED -> List.of("nid asc, ord asc");
      case REVIEW_CARD_ORDER_REVERSE_ADDED -> List.of("nid desc, ord asc");
      default -> List.of("due");
    });
    parts.add("fnvhash(id, mod)");
    return String.join(", ", parts);
  }
}
