package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.study.Answered;
import ankid.engine.study.StudyQueues;
import java.util.Optional;

/**
 * The reviewer's state (Anki's {@code qt/aqt/reviewer.py}): the card shown, which side, when its
 * answer timer started, and the deck's study queues it takes cards from. Guarded by {@link Gui}.
 */
final class Reviewer {
  /** Which side of the card is shown ({@code reviewer.state}). */
  enum Side { QUESTION, ANSWER }

  private StudyQueues queues;
  private Long cardId;
  private Side side = Side.QUESTION;
  private long timerStartedMs;
  private int audioReplays;
  private String notice;

  Long cardId() {
    return cardId;
  }

  Side side() {
    return side;
  }

  long timerStartedMs() {
    return timerStartedMs;
  }

  /** Bumped by guiPlayAudio: the page replays the current side's sounds each time it changes. */
  int audioReplays() {
    return audioReplays;
  }

  /** A message Anki would show as a tooltip (a leech). */
  String notice() {
    return notice;
  }

  StudyQueues queues() {
    return queues;
  }

  /** Starts studying a deck: its queues (kept when it is the deck already studied) and their top card. */
  boolean start(Collection col, long deckId) {
    if (queues == null || queues.deckId() != deckId) queues = new StudyQueues(deckId);
    notice = null;
    return showNext(col);
  }

  /** Shows the top card's question; false when the deck is finished for now. */
  boolean showNext(Collection col) {
    Optional<StudyQueues.QueuedCard> next = queues == null ? Optional.empty() : queues.next(col);
    if (next.isEmpty()) {
      cardId = null;
      return false;
    }
    show(col, next.get().card().id());
    return true;
  }

  private void show(Collection col, long id) {
    cardId = id;
    side = Side.QUESTION;
    timerStartedMs = col.clock().millis();
  }

  void showQuestion() {
    side = Side.QUESTION;
  }

  void showAnswer() {
    side = Side.ANSWER;
  }

  void restartTimer(Collection col) {
    timerStartedMs = col.clock().millis();
  }

  void replayAudio() {
    audioReplays++;
  }

  /** Answers the shown card with the time since its timer started, then shows the next one. */
  boolean answer(Collection col, int ease) {
    long taken = col.clock().millis() - timerStartedMs;
    Optional<Answered> answered = queues.answer(col, cardId, ease, taken);
    notice = answered.filter(a -> a.result().leeched())
        .map(a -> "Card was a leech." + (a.result().card().queue() < 0 ? " It has been suspended." : ""))
        .orElse(null);
    return showNext(col);
  }

  /** Undoes the last answer and shows its card again; empty when there is nothing to undo. */
  Optional<Long> undo(Collection col) {
    if (queues == null) return Optional.empty();
    Optional<Long> undone = queues.undo(col);
    if (undone.isPresent()) {
      notice = null;
      showNext(col);
    }
    return undone;
  }

  boolean canUndo(Collection col) {
    return queues != null && queues.canUndo(col);
  }

  /**
   * After someone else changed the collection, shows the card now at the top, as Anki's reviewer
   * refreshes after another operation; the card already shown stays as it is when still on top.
   * Returns false when nothing is left to show.
   */
  boolean refreshIfNeeded(Collection col) {
    if (queues == null || cardId == null || queues.upToDate(col)) return cardId != null;
    Optional<StudyQueues.QueuedCard> next = queues.next(col);
    if (next.isEmpty()) {
      cardId = null;
      return false;
    }
    if (next.get().card().id() != cardId) show(col, next.get().card().id());
    return true;
  }

  void stop() {
    cardId = null;
    side = Side.QUESTION;
  }
}
