package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.card.CardData;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.PreviewState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReschedulingState;
import ankid.engine.scheduler.CardState.ReviewState;

/**
 * Applies a chosen next state to a card and builds its revlog row
 * (rslib/src/scheduler/answering/mod.rs, {@code apply_study_state}, and answering/revlog.rs).
 */
public final class AnswerApplier {
  private AnswerApplier() {}

  /** Computes the next states and applies {@code rating} (1..4), as AnkiConnect's answerCards. */
  public static AnswerResult answer(Card card, int rating, long answeredAtMs, long millisTaken,
      SchedulingInputs in) {
    return apply(card, Scheduler.nextStates(card, in), rating, answeredAtMs, millisTaken, in);
  }

  public static AnswerResult apply(Card card, NextStates states, int rating, long answeredAtMs,
      long millisTaken, SchedulingInputs in) {
    CardState current = states.current();
    CardState next = states.forRating(rating);
    AnswerValidation.checkNextState(card, current, next);
    long nowSecs = answeredAtMs / 1000;
    long time = Math.min(millisTaken, in.preset().capAnswerTimeToSecs() * 1000L);
    boolean preview = next instanceof PreviewState;
    Long seed = in.fuzz() ? Fuzz.seed(card.id(), card.reps()) : null;
    var applier = new Application(in.timing(), nowSecs, seed, in.preset());

    Card updated = card;
    if (next instanceof PreviewState p) {
      updated = applier.preview(updated, p);
    } else if (next instanceof ReschedulingState r) {
      // stays in the filtered deck; odue is cleared on the first answer there (as Anki does), so
      // emptying the deck later keeps the new learning due instead of restoring a stale one
      updated = applier.normal(updated, current, r.original()).withDecks(updated.did(), 0, updated.odid());
    } else {
      if (current instanceof ReschedulingState) updated = updated.removedFromFilteredDeck();
      updated = applier.normal(updated, current, next);
    }
    if (!preview) updated = updated.withCounts(card.reps() + 1, updated.lapses());
    updated = updated.withData(data(updated.data(), next, in, preview ? null : nowSecs));

    long secsUntilRollover = in.timing().secsUntilRollover();
    RevlogEntry revlog = RevlogEntry.local(answeredAtMs, card.id(), rating,
        next.interval().maybeAsDays(secsUntilRollover).revlogValue(),
        current.interval().maybeAsDays(secsUntilRollover).revlogValue(),
        revlogFactor(next, in), time, current.revlogKind());
    var studied = new AnswerResult.Studied(card.queue() == Card.QUEUE_NEW ? 1 : 0,
        card.queue() == Card.QUEUE_REVIEW || card.queue() == Card.QUEUE_DAY_LEARN ? 1 : 0, time);
    return new AnswerResult(updated, revlog, leeched(next), studied,
        BuryRules.siblingBuryAfterAnswer(in.preset(), card.queue()));
  }

  private static CardData data(CardData data, CardState next, SchedulingInputs in, Long lrt) {
    CardData d = data;
    if (!(next instanceof PreviewState)) {
      MemoryState memory = memory(next);
      if (in.fsrs().enabled()) {
        d = d.withFsrs(memory, in.fsrs().desiredRetention(), Fsrs.fromParams(in.preset().fsrsParams()).decay());
      } else {
        d = d.withFsrs(null, null, d.decay());
      }
    }
    return lrt == null ? d : d.withLastReview(lrt);
  }

  private static CardState unwrap(CardState s) {
    return s instanceof ReschedulingState r ? r.original() : s;
  }

  static MemoryState memory(CardState s) {
    CardState u = unwrap(s);
    if (u instanceof LearnState l) return l.memory();
    if (u instanceof ReviewState r) return r.memory();
    if (u instanceof RelearnState r) return r.review().memory();
    return null;
  }

  private static boolean leeched(CardState s) {
    CardState u = unwrap(s);
    if (u instanceof ReviewState r) return r.leeched();
    return u instanceof RelearnState r && r.review().leeched();
  }

  private static long revlogFactor(CardState next, SchedulingInputs in) {
    MemoryState memory = memory(next);
    if (in.fsrs().enabled() && memory != null) return RustMath.roundU32(memory.difficultyShifted() * 1000f);
    CardState u = unwrap(next);
    if (u instanceof ReviewState r) return RustMath.roundU32(r.easeFactor() * 1000f);
    if (u instanceof RelearnState r) return RustMath.roundU32(r.review().easeFactor() * 1000f);
    return 0;
  }

  /** Per-answer values shared by the state appliers. */
  private record Application(SchedTimingToday timing, long nowSecs, Long seed, DeckPreset preset) {

    Card normal(Card card, CardState current, CardState next) {
      Long position = current.newPosition();
      Card c = position != null ? card.withData(card.data().withPos(position)) : card;
      if (next instanceof LearnState l) {
        return scheduleLearning(c, Card.TYPE_LEARN, c.ivl(), c.factor(), c.lapses(), l);
      }
      if (next instanceof RelearnState r) {
        Card out = scheduleLearning(c, Card.TYPE_RELEARN, (int) r.review().scheduledDays(),
            easeFactor(r.review()), r.review().lapses(), r.learning());
        return leechSuspended(out, r.review().leeched());
      }
      ReviewState r = (ReviewState) next;
      Card out = c.removedFromFilteredDeck().withSchedule(Card.TYPE_REVIEW, Card.QUEUE_REVIEW,
          (int) (timing.daysElapsed() + r.scheduledDays()), (int) r.scheduledDays(), easeFactor(r),
          r.lapses(), 0);
      return leechSuspended(out, r.leeched());
    }

    private Card scheduleLearning(Card c, int type, int ivl, int factor, int lapses, LearnState l) {
      Interval interval = l.interval().maybeAsDays(timing.secsUntilRollover());
      int queue = interval.inDays() ? Card.QUEUE_DAY_LEARN : Card.QUEUE_LEARN;
      long due = interval.inDays() ? timing.daysElapsed() + interval.amount()
          : nowSecs + Fuzz.learning(seed, interval.amount());
      return c.withSchedule(type, queue, (int) due, ivl, factor, lapses, l.remainingSteps());
    }

    private Card leechSuspended(Card c, boolean leeched) {
      return leeched && preset.leechSuspends() ? c.withQueue(Card.QUEUE_SUSPENDED) : c;
    }

    Card preview(Card card, PreviewState next) {
      if (next.finished()) return card.removedFromFilteredDeckRestoringQueue();
      return card.withQueue(Card.QUEUE_PREVIEW)
          .withDue((int) (nowSecs + Fuzz.learning(seed, next.scheduledSecs())));
    }

    private static int easeFactor(ReviewState r) {
      return (int) RustMath.roundU32(r.easeFactor() * 1000f);
    }
  }
}
