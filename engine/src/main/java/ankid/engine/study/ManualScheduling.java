package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.DueDateSpec;
import ankid.engine.scheduler.ForgetCards;
import ankid.engine.scheduler.ManualChange;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.scheduler.SetDueDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The scheduling changes a user makes by hand: forget, relearn and set due date ({@link Scheduling}). */
final class ManualScheduling {
  private final Collection col;

  ManualScheduling(Collection col) {
    this.col = col;
  }

  void forget(List<Long> cardIds) {
    List<Card> cards = load(cardIds);
    long nextPos = col.config().getLong("nextPos", 1);
    ForgetCards.Result result = ForgetCards.forget(cards, nextPos, true, false, true, col.nowMillis());
    write(result.changes());
    if (result.nextPos() != nextPos) col.config().set("nextPos", result.nextPos());
  }

  void relearn(List<Long> cardIds) {
    for (long id : cardIds) {
      col.cards().store().setTypeAndQueue(id, Card.TYPE_RELEARN, Card.QUEUE_LEARN);
    }
  }

  void setDueDate(List<Long> cardIds, String days, RandomGenerator random) {
    DueDateSpec spec = DueDateSpec.parse(days);
    SchedTimingToday timing = col.timing();
    SchedulingSetup setup = new SchedulingSetup(col);
    boolean fsrs = setup.fsrsEnabled();
    List<ManualChange> changes = new ArrayList<>();
    for (Card card : load(cardIds)) {
      changes.add(SetDueDate.apply(card, spec.draw(random), spec.forceReset(), timing,
          setup.homePreset(card), fsrs, col.nowMillis()));
    }
    write(changes);
  }

  private List<Card> load(List<Long> cardIds) {
    List<Card> cards = new ArrayList<>();
    for (long id : cardIds) {
      Optional<Card> c = col.cards().get(id);
      c.ifPresent(cards::add);
    }
    return cards;
  }

  private void write(List<ManualChange> changes) {
    for (ManualChange change : changes) {
      col.cards().store().updateSchedule(change.card(), col.nowSecs());
      if (change.revlog() != null) col.revlog().add(change.revlog());
    }
  }
}
