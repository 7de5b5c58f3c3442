package ankid.engine.study;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import ankid.engine.scheduler.DeckLimits;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.queue.CardQueues;
import ankid.engine.scheduler.queue.LimitTree;
import ankid.engine.scheduler.queue.GatheredCards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a deck's study queues from the collection as Anki's v3 scheduler does (rslib
 * {@code scheduler/queue/builder/mod.rs}, {@code gathering.rs}, {@code burying.rs}): intraday
 * learning cards, then interday learning and review cards in the preset's review order, then new
 * cards in its gather order, each kind within the deck tree's remaining limits and skipping
 * siblings the presets bury. Run {@link Scheduling#unburyIfDayRolledOver} in a write first.
 */
public final class QueueBuilder {
  private static final long DEFAULT_LEARN_AHEAD_SECS = 1200;

  /** Which siblings of an already gathered note to leave out (queue/mod.rs {@code BuryMode}). */
  private record BuryMode(boolean fresh, boolean reviews, boolean interdayLearning) {
    static final BuryMode NONE = new BuryMode(false, false, false);

    BuryMode or(BuryMode o) {
      return new BuryMode(fresh || o.fresh, reviews || o.reviews, interdayLearning || o.interdayLearning);
    }
  }

  private final Collection col;
  private final SchedTimingToday timing;
  private final Deck root;
  private final Config sortOptions;
  private final String activeDecks;
  private final List<Long> activeDeckIds;
  private final LimitTree limits;
  private final Map<Long, Deck> deckMap = new HashMap<>();
  private final Map<Long, BuryMode> buryModes = new HashMap<>();
  private final Map<Long, BuryMode> seenNotes = new HashMap<>();
  private final List<GatheredCards.Due> learning = new ArrayList<>();
  private final List<GatheredCards.Due> dayLearning = new ArrayList<>();
  private final List<GatheredCards.Due> review = new ArrayList<>();
  private final List<GatheredCards.New> fresh = new ArrayList<>();

  private QueueBuilder(Collection col, long deckId) {
    this.col = col;
    this.timing = col.timing();
    for (Deck d : col.decks().all()) deckMap.put(d.id(), d);
    this.root = Optional.ofNullable(deckMap.get(deckId)).orElseThrow(
        () -> new AnkiException.NotFound("No such deck: '" + deckId + "'"));
    String nativeName = DeckNames.toNative(root.name());
    this.activeDeckIds = col.decks().store().activeDeckIds(nativeName);
    this.activeDecks = activeDeckIds.toString();
    this.sortOptions = root.isFiltered() ? null
        : col.deckConfigs().get(root.configId()).map(DeckConfig::config).orElse(null);
    this.limits = new LimitTree(limitNodes());
  }

  /** The queues of {@code deckId} (and its subdecks) as they stand now. */
  public static CardQueues build(Collection col, long deckId) {
    QueueBuilder b = new QueueBuilder(col, deckId);
    b.gather();
    return b.queues(col.config().getLong("collapseTime", DEFAULT_LEARN_AHEAD_SECS));
  }

  /** The root deck and its subdecks in name order, preceded by its ancestors when all parent limits apply. */
  private List<LimitTree.DeckNode> limitNodes() {
    List<Deck> decks = new ArrayList<>();
    if (col.config().getBool("applyAllParentLimits", false)) {
      for (String ancestor : DeckNames.humanAncestors(root.name())) col.decks().byName(ancestor).ifPresent(decks::add);
    }
    // the deck and its subdecks, by name (rslib storage/deck, child_decks)
    decks.addAll(col.decks().withDescendants(root));
    long today = timing.daysElapsed();
    boolean newIgnoresReviewLimit = col.config().getBool("newCardsIgnoreReviewLimit", false);
    List<LimitTree.DeckNode> nodes = new ArrayList<>();
    for (Deck d : decks) {
      DeckLimits deckLimits = col.decks().limits(d);
      boolean capped = !d.isFiltered() && deckLimits.preset() != null && !newIgnoresReviewLimit;
      nodes.add(new LimitTree.DeckNode(d.id(), DeckNames.level(DeckNames.toNative(d.name())),
          deckLimits.remaining(today, newIgnoresReviewLimit), capped));
    }
    return nodes;
  }

  private void gather() {
    col.cards().store().forEachIntradayLearning(activeDecks, timing.nextDayAt(), card -> {
      previousBuryMode(card.nid(), card.homeDeckId());
      learning.add(card);
      return true;
    });
    gatherDue(3, dayLearning);
    gatherDue(2, review);
    gatherNew();
  }

  private void gatherDue(int queue, List<GatheredCards.Due> into) {
    if (limits.rootLimitReached(LimitTree.Kind.REVIEW)) return;
    String order = QueueOrder.review(sortOptions == null ? Config.ReviewCardOrder.REVIEW_CARD_ORDER_DAY
        : sortOptions.getReviewOrder(), timing, col.config().getBool("fsrs", false));
    col.cards().store().forEachDue(activeDecks, queue, timing.daysElapsed(), order, card -> {
      if (limits.rootLimitReached(LimitTree.Kind.REVIEW)) return false;
      if (!limits.limitReached(card.did(), LimitTree.Kind.REVIEW)) {
        BuryMode previous = previousBuryMode(card.nid(), card.homeDeckId());
        boolean bury = previous != null && (queue == 2 ? previous.reviews() : previous.interdayLearning());
        if (!bury) {
          into.add(card);
          limits.decrementDeckAndParents(card.did(), LimitTree.Kind.REVIEW);
        }
      }
      return true;
    });
  }

  private void gatherNew() {
    long salt = Integer.toUnsignedLong((int) timing.daysElapsed() * (int) 2654435761L);
    Config.NewCardGatherPriority priority = sortOptions == null
        ? Config.NewCardGatherPriority.NEW_CARD_GATHER_PRIORITY_DECK : sortOptions.getNewCardGatherPriority();
    switch (priority) {
      case NEW_CARD_GATHER_PRIORITY_DECK_THEN_RANDOM_NOTES -> gatherNewByDeck(QueueOrder.NewSorting.RANDOM_NOTES.sql(salt));
      case NEW_CARD_GATHER_PRIORITY_LOWEST_POSITION -> gatherNewSorted(QueueOrder.NewSorting.LOWEST_POSITION.sql(salt));
      case NEW_CARD_GATHER_PRIORITY_HIGHEST_POSITION -> gatherNewSorted(QueueOrder.NewSorting.HIGHEST_POSITION.sql(salt));
      case NEW_CARD_GATHER_PRIORITY_RANDOM_NOTES -> gatherNewSorted(QueueOrder.NewSorting.RANDOM_NOTES.sql(salt));
      case NEW_CARD_GATHER_PRIORITY_RANDOM_CARDS -> gatherNewSorted(QueueOrder.NewSorting.RANDOM_CARDS.sql(salt));
      default -> gatherNewByDeck(QueueOrder.NewSorting.LOWEST_POSITION.sql(salt));
    }
  }

  private void gatherNewByDeck(String order) {
    for (long deckId : col.decks().store().sortedByName(activeDecks)) {
      if (limits.rootLimitReached(LimitTree.Kind.NEW)) break;
      if (limits.limitReached(deckId, LimitTree.Kind.NEW)) continue;
      col.cards().store().forEachNewInDeck(deckId, order, card -> {
        boolean reached = limits.limitReached(deckId, LimitTree.Kind.NEW);
        if (!reached && addNew(card)) limits.decrementDeckAndParents(deckId, LimitTree.Kind.NEW);
        return !reached;
      });
    }
  }

  private void gatherNewSorted(String order) {
    col.cards().store().forEachNewInDecks(activeDecks, order, card -> {
      if (limits.rootLimitReached(LimitTree.Kind.NEW)) return false;
      if (!limits.limitReached(card.did(), LimitTree.Kind.NEW) && addNew(card)) {
        limits.decrementDeckAndParents(card.did(), LimitTree.Kind.NEW);
      }
      return true;
    });
  }

  /** True when the card joins the queue (and so counts against the limits). */
  private boolean addNew(GatheredCards.New card) {
    BuryMode previous = previousBuryMode(card.nid(), card.homeDeckId());
    if (previous != null && previous.fresh()) return false;
    fresh.add(card);
    return true;
  }

  /**
   * The bury mode of the note's siblings gathered so far (null for the first card of a note),
   * after adding this card's own preset flags: once a card with burying on is in the queue, every
   * later sibling is buried, whatever its own preset says.
   */
  private BuryMode previousBuryMode(long nid, long homeDeckId) {
    BuryMode own = buryModes.computeIfAbsent(homeDeckId, this::buryModeOf);
    BuryMode previous = seenNotes.get(nid);
    seenNotes.put(nid, previous == null ? own : previous.or(own));
    return previous;
  }

  private BuryMode buryModeOf(long deckId) {
    Deck deck = deckMap.get(deckId);
    if (deck == null || deck.isFiltered()) return BuryMode.NONE;
    return col.deckConfigs().get(deck.configId())
        .map(c -> new BuryMode(c.config().getBuryNew(), c.config().getBuryReviews(), c.config().getBuryInterdayLearning()))
        .orElse(BuryMode.NONE);
  }

  private CardQueues queues(long learnAheadSecs) {
    Config.NewCardSortOrder newOrder = sortOptions == null ? Config.NewCardSortOrder.NEW_CARD_SORT_ORDER_NO_SORT
        : sortOptions.getNewCardSortOrder();
    Config.ReviewMix dayLearnMix = sortOptions == null ? Config.ReviewMix.REVIEW_MIX_MIX_WITH_REVIEWS
        : sortOptions.getInterdayLearningMix();
    Config.ReviewMix newMix = sortOptions == null ? Config.ReviewMix.REVIEW_MIX_MIX_WITH_REVIEWS
        : sortOptions.getNewMix();
    return GatheredCards.queues(learning, dayLearning, review, fresh, newOrder, dayLearnMix, newMix,
        timing, learnAheadSecs);
  }
}
