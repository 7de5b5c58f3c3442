package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.scheduler.DeckCounts.Deck;
import ankid.engine.scheduler.DeckCounts.Node;
import ankid.engine.scheduler.DeckCounts.Raw;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deck list counts under the v3 limits (rslib/src/decks/limits.rs and tree.rs). */
class DeckCountsTest {
  private static final long TODAY = 50;
  private static final DeckCounts.Options DEFAULT_OPTIONS = new DeckCounts.Options(TODAY, false, false);

  private static DeckLimits limits(int newPerDay, int reviewsPerDay, int newStudied, int reviewStudied) {
    return new DeckLimits(Presets.limits(newPerDay, reviewsPerDay), null, null, null, null, TODAY,
        newStudied, reviewStudied);
  }

  private static List<Integer> counts(Node n) {
    return List.of(n.newCount(), n.learnCount(), n.reviewCount());
  }

  @Test
  void parentReviewLimitCapsParentOnly() {
    List<Node> tree = DeckCounts.compute(List.of(
        new Deck(1, "Default", limits(20, 5, 0, 0), Raw.EMPTY),
        new Deck(2, "Default::Child", limits(20, 10, 0, 0), new Raw(0, 20, 0, 0, 20))), DEFAULT_OPTIONS);
    assertThat(tree).extracting(Node::reviewCount).containsExactly(5, 10);
    List<Node> afterOne = DeckCounts.compute(List.of(
        new Deck(1, "Default", limits(20, 5, 0, 1), Raw.EMPTY),
        new Deck(2, "Default::Child", limits(20, 10, 0, 1), new Raw(0, 19, 0, 0, 20))), DEFAULT_OPTIONS);
    assertThat(afterOne).extracting(Node::reviewCount).containsExactly(4, 9);
  }

  @Test
  void childReviewsCountInParent() {
    List<Node> tree = DeckCounts.compute(List.of(
        new Deck(1, "Default", limits(20, 200, 0, 0), new Raw(1, 0, 0, 0, 1)),
        new Deck(2, "Default::1", limits(20, 200, 0, 0), new Raw(0, 1, 0, 0, 1))), DEFAULT_OPTIONS);
    assertThat(counts(tree.get(0))).containsExactly(1, 0, 1);
    assertThat(counts(tree.get(1))).containsExactly(0, 0, 1);
  }

  @Test
  void newLimitsOfParentAndChild() {
    assertThat(newCounts(20, 20)).containsExactly(20, 20);
    assertThat(newCounts(10, 20)).containsExactly(10, 20);
    assertThat(newCounts(20, 4)).containsExactly(9, 4);
  }

  private static List<Integer> newCounts(int parentLimit, int childLimit) {
    return DeckCounts.compute(List.of(
        new Deck(1, "Default", limits(parentLimit, 200, 0, 0), new Raw(5, 0, 0, 0, 5)),
        new Deck(2, "Default::foo", limits(childLimit, 200, 0, 0), new Raw(25, 0, 0, 0, 25))),
        DEFAULT_OPTIONS).stream().map(Node::newCount).toList();
  }

  @Test
  void reviewLimitAlsoLimitsNewCards() {
    // reviews/day 3, 2 due reviews, 2 new cards; new cards answered first
    assertThat(single(limits(20, 3, 0, 0), new Raw(2, 2, 0, 0, 4))).containsExactly(1, 0, 2);
    assertThat(single(limits(20, 3, 1, 0), new Raw(1, 2, 0, 1, 4))).containsExactly(0, 1, 2);
    assertThat(single(limits(20, 3, 1, 1), new Raw(1, 1, 0, 1, 4))).containsExactly(0, 1, 1);
    assertThat(single(limits(20, 3, 1, 2), new Raw(1, 0, 0, 1, 4))).containsExactly(0, 1, 0);
    assertThat(single(limits(20, 3, 1, 2), new Raw(1, 0, 0, 0, 4))).containsExactly(0, 0, 0);
  }

  @Test
  void repCounts() {
    assertThat(single(limits(20, 200, 0, 0), new Raw(2, 0, 0, 0, 2))).containsExactly(2, 0, 0);
    assertThat(single(limits(20, 200, 1, 0), new Raw(1, 0, 0, 1, 2))).containsExactly(1, 1, 0);
    assertThat(single(limits(20, 200, 2, 0), new Raw(0, 0, 0, 2, 2))).containsExactly(0, 2, 0);
    assertThat(single(limits(20, 200, 0, 0), new Raw(1, 1, 0, 0, 2))).containsExactly(1, 0, 1);
    assertThat(single(limits(20, 200, 0, 1), new Raw(1, 0, 0, 1, 2))).containsExactly(1, 1, 0);
  }

  private static List<Integer> single(DeckLimits limits, Raw raw) {
    return counts(DeckCounts.compute(List.of(new Deck(1, "Default", limits, raw)), DEFAULT_OPTIONS).get(0));
  }

  @Test
  void overridesIgnoredCountersAndFilteredDecks() {
    DeckLimits todayOnly = new DeckLimits(Presets.limits(20, 200), 50, 7,
        new DeckLimits.DayLimit(3, TODAY), new DeckLimits.DayLimit(2, TODAY - 1), TODAY - 1, 10, 10);
    // review: today-only 3 wins; new: yesterday's today-only is ignored → deck 7; old counters ignored
    assertThat(todayOnly.remaining(TODAY, false)).isEqualTo(new DeckLimits.Remaining(3, 3));
    assertThat(todayOnly.remaining(TODAY, true)).isEqualTo(new DeckLimits.Remaining(3, 7));
    assertThat(DeckLimits.filtered().remaining(TODAY, false)).isEqualTo(new DeckLimits.Remaining(9999, 9999));
    assertThat(limits(20, 5, 0, 9).remaining(TODAY, false)).isEqualTo(new DeckLimits.Remaining(0, 0));
  }

  @Test
  void applyAllParentLimitsCapsChildren() {
    List<Deck> decks = List.of(
        new Deck(1, "Default", limits(20, 5, 0, 0), Raw.EMPTY),
        new Deck(2, "Default::Child", limits(20, 10, 0, 0), new Raw(0, 20, 0, 0, 20)));
    assertThat(DeckCounts.compute(decks, new DeckCounts.Options(TODAY, false, true)))
        .extracting(Node::reviewCount).containsExactly(5, 5);
  }

  @Test
  void emptyDefaultIsHiddenAndOrderIsByName() {
    List<Node> tree = DeckCounts.compute(List.of(
        new Deck(1, "Default", limits(20, 200, 0, 0), Raw.EMPTY),
        new Deck(3, "b", limits(20, 200, 0, 0), new Raw(1, 0, 0, 0, 1)),
        new Deck(2, "A", limits(20, 200, 0, 0), Raw.EMPTY),
        new Deck(4, "A::x", DeckLimits.filtered(), new Raw(0, 0, 0, 1, 1))), DEFAULT_OPTIONS);
    assertThat(tree).extracting(Node::name).containsExactly("A", "A::x", "b");
    assertThat(tree.get(0).learnCount()).isEqualTo(1);
    assertThat(tree.get(0).totalIncludingChildren()).isEqualTo(1);
    assertThat(tree.get(1).level()).isEqualTo(2);
  }
}
