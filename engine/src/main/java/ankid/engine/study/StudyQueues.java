package ankid.engine.study;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.queue.CardQueues;
import ankid.engine.scheduler.queue.QueueEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Studying one deck as Anki's collection does it (rslib {@code scheduler/queue/mod.rs},
 * {@code get_queued_cards}, {@code answer_card}, {@code undo}): queues built once and kept
 * between answers, the next card taken from their top, each answer written through
 * {@link Answering} and recorded for undo. Anything else written to the collection in between
 * (another client, an edit) discards the queues and the undo steps, as any other operation does
 * in Anki; so does a new day. Not thread-safe: one caller at a time.
 */
public final class StudyQueues {
  /** Anki keeps 30 undo steps. */
  private static final int UNDO_LIMIT = 30;

  /** The card to show and the counts beside it. */
  public record QueuedCard(Card card, QueueEntry.Kind kind, CardQueues.Counts counts) {}

  private record Step(Answered answered, CardQueues.QueueUpdate update, CardQueues queues, long validAt) {}

  private final long deckId;
  private CardQueues queues;
  /** The collection (an open instance: a reopened file counts its writes afresh) and its write count the queues match. */
  private Collection validFor;
  private long validAt = -1;
  private final Deque<Step> undo = new ArrayDeque<>();

  public StudyQueues(long deckId) {
    this.deckId = deckId;
  }

  public long deckId() {
    return deckId;
  }

  /** The top card with today's counts, or empty when the deck is finished for now. */
  public Optional<QueuedCard> next(Collection col) {
    return col.read(c -> {
      ensure(c);
      long now = c.nowSecs();
      Optional<QueueEntry> entry = queues.next(now);
      if (entry.isEmpty()) return Optional.empty();
      Optional<Card> card = c.cards().get(entry.get().id());
      if (card.isEmpty() || card.get().mod() != entry.get().mtime()) {
        // changed behind the queue's back without a write we could see: start over
        queues = null;
        ensure(c);
        entry = queues.next(now);
        if (entry.isEmpty()) return Optional.empty();
        card = c.cards().get(entry.get().id());
        if (card.isEmpty()) return Optional.empty();
      }
      return Optional.of(new QueuedCard(card.get(), entry.get().kind(), queues.counts(now)));
    });
  }

  /** Today's new/learning/review counts as the reviewer shows them. */
  public CardQueues.Counts counts(Collection col) {
    return col.read(c -> {
      ensure(c);
      return queues.counts(c.nowSecs());
    });
  }

  /**
   * Answers a queued card (in its own write) after {@code millisTaken} on it.
   *
   * @throws AnkiException.InvalidInput when the card is not at the top of the queues
   */
  public Optional<Answered> answer(Collection col, long cardId, int ease, long millisTaken) {
    return col.read(c -> {
      ensure(c);
      CardQueues answeredIn = queues;
      CardQueues.QueueUpdate[] update = new CardQueues.QueueUpdate[1];
      Optional<Answered> answered;
      try {
        answered = c.write(w -> {
        Optional<Card> before = w.cards().get(cardId);
        Optional<Answered> a = w.scheduling().answer(cardId, ease, millisTaken);
        if (a.isEmpty()) return a;
        Card after = w.cards().get(cardId).orElseThrow();
        boolean finishedPreview = before.get().odid() != 0 && after.odid() == 0;
        update[0] = answeredIn.answered(after, after.mod(), w.timing().nextDayAt(), finishedPreview,
            w.nowSecs());
        return a;
        });
      } catch (RuntimeException e) {
        queues = null;
        throw e;
      }
      validAt = c.changeCount();
      if (answered.isPresent()) {
        undo.push(new Step(answered.get(), update[0], answeredIn, validAt));
        while (undo.size() > UNDO_LIMIT) undo.removeLast();
      }
      return answered;
    });
  }

  /** False once anyone else wrote to the collection (or a day passed) since the queues were built or answered. */
  public boolean upToDate(Collection col) {
    return col.read(c -> queues != null && valid(c) && queues.currentDay() == c.timing().daysElapsed());
  }

  /** Whether the last answer can still be undone (nobody wrote to the collection since). */
  public boolean canUndo(Collection col) {
    return col.read(c -> !undo.isEmpty() && validFor == c && undo.peek().validAt() == c.changeCount());
  }

  /** Undoes the last answer and puts its card back on top; returns that card's id. */
  public Optional<Long> undo(Collection col) {
    return col.read(c -> {
      if (undo.isEmpty() || validFor != c || undo.peek().validAt() != c.changeCount()) {
        undo.clear();
        return Optional.empty();
      }
      Step step = undo.pop();
      c.write(w -> {
        step.answered().undo().restore(w);
        return null;
      });
      if (queues == step.queues() && queues != null) queues.undo(step.update());
      else queues = null;
      validAt = c.changeCount();
      if (!undo.isEmpty()) {
        Step previous = undo.pop();
        undo.push(new Step(previous.answered(), previous.update(), previous.queues(), validAt));
      }
      return Optional.of(step.answered().result().card().id());
    });
  }

  /** Builds the queues when missing, stale (a new day) or invalid (someone else wrote). */
  private void ensure(Collection c) {
    boolean foreignWrite = !valid(c);
    boolean newDay = queues != null && queues.currentDay() != c.timing().daysElapsed();
    if (foreignWrite || newDay) undo.clear();
    if (queues != null && !foreignWrite && !newDay) return;
    c.write(w -> {
      w.scheduling().unburyIfDayRolledOver();
      return null;
    });
    queues = QueueBuilder.build(c, deckId);
    validFor = c;
    validAt = c.changeCount();
  }

  private boolean valid(Collection c) {
    return validFor == c && validAt == c.changeCount();
  }
}
