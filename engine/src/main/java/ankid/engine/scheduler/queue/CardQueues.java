package ankid.engine.scheduler.queue;

import ankid.engine.AnkiException;
import ankid.engine.card.Card;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The study queues of one deck as Anki keeps them between answers (rslib
 * {@code scheduler/queue/mod.rs}, {@code main.rs}, {@code learning.rs}, {@code undo.rs}):
 * intraday learning cards already due come first, then the main queue, then learning cards due
 * within the learn-ahead window. Answering pops the card and puts a learning card back by its
 * new due time; undo puts it back on top. Not thread-safe; times are unix seconds passed in.
 */
public final class CardQueues {
  /** Due counts as the reviewer shows them above the answer buttons. */
  public record Counts(int fresh, int learning, int review) {
    boolean allZero() {
      return fresh == 0 && learning == 0 && review == 0;
    }
  }

  /** The learning count and cutoff before an answer moved them (undo.rs {@code CutoffSnapshot}). */
  record CutoffSnapshot(int learningCount, long learningCutoff) {}

  /** What answering a card changed, to undo it (undo.rs {@code QueueUpdate}). */
  public record QueueUpdate(QueueEntry entry, QueueEntry.Learning learningRequeue, CutoffSnapshot cutoff) {}

  private final Deque<QueueEntry.Main> main;
  private final List<QueueEntry.Learning> intradayLearning;
  private final long learnAheadSecs;
  private final long currentDay;
  private int fresh;
  private int learning;
  private int review;
  /** Moved to "now" at each answer, so a learning card that fell due meanwhile is not shown in the middle of the main queue. */
  private long learningCutoff;

  CardQueues(Counts counts, List<QueueEntry.Main> main, List<QueueEntry.Learning> intradayLearning,
      long learnAheadSecs, long currentDay, long now) {
    this.main = new ArrayDeque<>(main);
    this.intradayLearning = new ArrayList<>(intradayLearning);
    this.learnAheadSecs = learnAheadSecs;
    this.currentDay = currentDay;
    this.fresh = counts.fresh();
    this.learning = counts.learning();
    this.review = counts.review();
    this.learningCutoff = now;
  }

  /** The day ("days elapsed") the queues were built for; they are stale on any other day. */
  public long currentDay() {
    return currentDay;
  }

  /**
   * The counts; when nothing is due, learning cards that fell due since the last answer are
   * counted first (mod.rs, {@code counts}).
   */
  public Counts counts(long now) {
    if (new Counts(fresh, learning, review).allZero()) updateLearningCutoffAndCount(now);
    return new Counts(fresh, learning, review);
  }

  /** Every queued card in the order it will be shown. */
  public List<QueueEntry> entries() {
    List<QueueEntry> out = new ArrayList<>();
    long aheadCutoff = learningCutoff + learnAheadSecs;
    for (QueueEntry.Learning e : intradayLearning) if (e.due() <= learningCutoff) out.add(e);
    out.addAll(main);
    for (QueueEntry.Learning e : intradayLearning) {
      if (e.due() > learningCutoff && e.due() <= aheadCutoff) out.add(e);
    }
    return out;
  }

  /** The card to show next (after {@link #counts} has had its chance to move the cutoff). */
  public Optional<QueueEntry> next(long now) {
    counts(now);
    List<QueueEntry> all = entries();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * Removes the answered card and requeues it if it is still in intraday learning today
   * (mod.rs, {@code update_queues_after_answering_card}).
   *
   * @param answered the card row as the answer left it
   * @param mtime its {@code mod} after the answer
   * @param nextDayAt when today ends (unix seconds)
   * @param finishedPreview true when a preview card left its filtered deck
   */
  public QueueUpdate answered(Card answered, long mtime, long nextDayAt, boolean finishedPreview, long now) {
    QueueEntry entry = pop(answered.id());
    QueueEntry.Learning requeued = null;
    boolean intraday = answered.queue() == Card.QUEUE_LEARN || answered.queue() == Card.QUEUE_PREVIEW;
    if (!finishedPreview && intraday && answered.due() < nextDayAt) {
      requeued = requeue(new QueueEntry.Learning(answered.due(), answered.id(), mtime, answered.reps()));
    }
    CutoffSnapshot snapshot = updateLearningCutoffAndCount(now);
    return new QueueUpdate(entry, requeued, snapshot);
  }

  /** Puts an undone answer's card back on top (undo.rs, {@code CardAnswered}). */
  public void undo(QueueUpdate update) {
    learning = update.cutoff().learningCount();
    learningCutoff = update.cutoff().learningCutoff();
    if (update.learningRequeue() != null) removeIntradayLearning(update.learningRequeue().id());
    if (update.entry() instanceof QueueEntry.Learning l) {
      intradayLearning.add(0, l);
      learning++;
    } else {
      QueueEntry.Main m = (QueueEntry.Main) update.entry();
      switch (m.mainKind()) {
        case NEW -> fresh++;
        case REVIEW -> review++;
        case INTERDAY_LEARNING -> learning++;
      }
      main.addFirst(m);
    }
  }

  private QueueEntry pop(long id) {
    for (int i = 0; i < intradayLearning.size(); i++) {
      if (intradayLearning.get(i).id() == id) {
        learning = Math.max(learning - 1, 0);
        return intradayLearning.remove(i);
      }
    }
    QueueEntry.Main head = main.peekFirst();
    if (head == null || head.id() != id) throw new AnkiException.InvalidInput("not at top of queue");
    main.removeFirst();
    switch (head.mainKind()) {
      case NEW -> fresh--;
      case REVIEW -> review--;
      case INTERDAY_LEARNING -> learning = Math.max(learning - 1, 0);
    }
    return head;
  }

  /** A learning card due again soon goes after the next one when the main queue is empty, not straight back. */
  private QueueEntry.Learning requeue(QueueEntry.Learning entry) {
    long cutoff = learningCutoff + learnAheadSecs;
    if (entry.due() <= cutoff && main.isEmpty() && !intradayLearning.isEmpty()) {
      QueueEntry.Learning next = intradayLearning.get(0);
      if (next.due() >= entry.due() && next.due() + 1 < cutoff) entry = entry.withDue(next.due() + 1);
    }
    insertIntradayLearning(entry);
    return entry;
  }

  private void insertIntradayLearning(QueueEntry.Learning entry) {
    if (entry.due() <= learningCutoff + learnAheadSecs) learning++;
    int lo = 0;
    int hi = intradayLearning.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (intradayLearning.get(mid).compareByRepsThenDue(entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    intradayLearning.add(lo, entry);
  }

  private void removeIntradayLearning(long id) {
    for (int i = 0; i < intradayLearning.size(); i++) {
      QueueEntry.Learning e = intradayLearning.get(i);
      if (e.id() == id) {
        intradayLearning.remove(i);
        if (e.due() <= learningCutoff + learnAheadSecs) learning = Math.max(learning - 1, 0);
        return;
      }
    }
  }

  private CutoffSnapshot updateLearningCutoffAndCount(long now) {
    CutoffSnapshot before = new CutoffSnapshot(learning, learningCutoff);
    long lastAhead = learningCutoff + learnAheadSecs;
    learningCutoff = now;
    long newAhead = learningCutoff + learnAheadSecs;
    for (QueueEntry.Learning e : intradayLearning) {
      if (e.due() > lastAhead && e.due() <= newAhead) learning++;
    }
    return before;
  }
}
