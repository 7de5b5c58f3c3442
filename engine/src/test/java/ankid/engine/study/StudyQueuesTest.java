package ankid.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.AnkiException;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import ankid.engine.scheduler.queue.CardQueues;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studying through the queues: counts, answers and undo, with rslib scheduler/queue/undo.rs's vectors. */
class StudyQueuesTest {
  @TempDir Path dir;
  StudyCollection s;
  StudyQueues study;

  @BeforeEach
  void open() {
    s = new StudyCollection(dir);
    study = new StudyQueues(1);
  }

  @AfterEach
  void close() {
    s.close();
  }

  private List<Integer> counts() {
    CardQueues.Counts c = study.counts(s.col);
    return List.of(c.fresh(), c.learning(), c.review());
  }

  private long answerNext(int ease) {
    long card = study.next(s.col).orElseThrow().card().id();
    study.answer(s.col, card, ease, 0).orElseThrow();
    return card;
  }

  @Test
  void countsFollowAnswersAndUndo() {
    s.add("Basic (and reversed card)", 1, "one", "two");
    assertThat(counts()).containsExactly(2, 0, 0);
    answerNext(1);
    assertThat(counts()).containsExactly(1, 1, 0);
    answerNext(3);
    assertThat(counts()).containsExactly(0, 2, 0);
    answerNext(1);
    assertThat(counts()).containsExactly(0, 2, 0);
    // the first card graduates
    answerNext(3);
    assertThat(counts()).containsExactly(0, 1, 0);
    answerNext(4);
    assertThat(counts()).containsExactly(0, 0, 0);

    study.undo(s.col).orElseThrow();
    assertThat(counts()).containsExactly(0, 1, 0);
    study.undo(s.col).orElseThrow();
    assertThat(counts()).containsExactly(0, 2, 0);
    study.undo(s.col).orElseThrow();
    assertThat(counts()).containsExactly(0, 2, 0);
    study.undo(s.col).orElseThrow();
    assertThat(counts()).containsExactly(1, 1, 0);
    study.undo(s.col).orElseThrow();
    assertThat(counts()).containsExactly(2, 0, 0);
    assertThat(study.undo(s.col)).isEmpty();
  }

  @Test
  void anAgainLearningCardGoesBehindTheOtherWaitingLearningCard() {
    List<Long> cards = s.add("Basic (and reversed card)", 1, "one", "two");
    assertThat(answerNext(1)).isEqualTo(cards.get(0));
    assertThat(answerNext(3)).isEqualTo(cards.get(1));
    // both wait in learning; the first comes up, and answered Again it goes after the second
    assertThat(answerNext(1)).isEqualTo(cards.get(0));
    assertThat(study.next(s.col).orElseThrow().card().id()).isEqualTo(cards.get(1));
  }

  @Test
  void undoRestoresTheCardRevlogLeechTagDeckCounterAndBuriedSibling() {
    s.defaultPreset(b -> b.setBuryNew(true).setLeechAction(Config.LeechAction.LEECH_ACTION_SUSPEND));
    List<Long> cards = s.add("Basic (and reversed card)", 1, "one", "two");
    answerNext(4);
    assertThat(queue(cards.get(1))).isEqualTo(-2);
    // a due review with 7 lapses: failing it makes it a leech
    s.sql("update cards set lapses = 7, due = 0 where id = ?", cards.get(0));
    String before = cardRow(cards.get(0));
    long deckStudiedBefore = reviewStudied();
    assertThat(answerNext(1)).isEqualTo(cards.get(0));

    assertThat(queue(cards.get(0))).isEqualTo(-1);
    assertThat(revlogCount()).isEqualTo(2);
    assertThat(noteTags()).isEqualTo(" leech ");
    assertThat(registeredTags()).containsExactly("leech");
    assertThat(reviewStudied()).isEqualTo(deckStudiedBefore + 1);
    assertThat(study.next(s.col)).isEmpty();

    assertThat(study.undo(s.col)).contains(cards.get(0));
    assertThat(cardRow(cards.get(0))).isEqualTo(before);
    assertThat(revlogCount()).isEqualTo(1);
    assertThat(noteTags()).isEmpty();
    assertThat(registeredTags()).isEmpty();
    assertThat(reviewStudied()).isEqualTo(deckStudiedBefore);
    assertThat(study.next(s.col).orElseThrow().card().id()).isEqualTo(cards.get(0));
    assertThat(counts()).containsExactly(0, 0, 1);
  }

  @Test
  void undoingTheFirstAnswerUnburiesTheSibling() {
    s.defaultPreset(b -> b.setBuryNew(true));
    List<Long> cards = s.add("Basic (and reversed card)", 1, "one", "two");
    answerNext(4);
    study.undo(s.col).orElseThrow();
    assertThat(queue(cards.get(1))).isZero();
    assertThat(queue(cards.get(0))).isZero();
  }

  @Test
  void theRevlogKeepsTheTimeTakenCappedByThePreset() {
    s.add("Basic", 1, "a", "");
    s.add("Basic", 1, "b", "");
    long first = study.next(s.col).orElseThrow().card().id();
    study.answer(s.col, first, 3, 7_250);
    long second = study.next(s.col).orElseThrow().card().id();
    study.answer(s.col, second, 3, 600_000);
    List<Long> times = s.col.read(c -> c.db().queryLongs("select time from revlog order by id"));
    assertThat(times).containsExactly(7_250L, 60_000L);
  }

  @Test
  void aCardNotAtTheTopCannotBeAnsweredAndNothingIsWritten() {
    s.add("Basic", 1, "a", "");
    long second = s.add("Basic", 1, "b", "").get(0);
    assertThatThrownBy(() -> study.answer(s.col, second, 3, 0))
        .isInstanceOf(AnkiException.InvalidInput.class).hasMessage("not at top of queue");
    assertThat(revlogCount()).isZero();
    assertThat(queue(second)).isZero();
  }

  @Test
  void anotherWriteDiscardsTheUndoStepsAndRebuildsTheQueues() {
    s.add("Basic", 1, "a", "");
    answerNext(3);
    assertThat(study.canUndo(s.col)).isTrue();
    s.add("Basic", 1, "b", "");
    assertThat(study.canUndo(s.col)).isFalse();
    assertThat(study.undo(s.col)).isEmpty();
    assertThat(counts()).containsExactly(1, 1, 0);
  }

  @Test
  void buriedCardsComeBackOnTheNextDay() {
    s.defaultPreset(b -> b.setBuryNew(true));
    List<Long> cards = s.add("Basic (and reversed card)", 1, "one", "two");
    answerNext(4);
    assertThat(study.next(s.col)).isEmpty();
    s.clock.advanceSeconds(86_400);
    assertThat(study.next(s.col).orElseThrow().card().id()).isEqualTo(cards.get(1));
    long lastUnburied = s.col.read(c -> c.config().getLong("lastUnburied", 0));
    assertThat(lastUnburied).isEqualTo(s.today());
  }

  private int queue(long card) {
    return s.col.read(c -> c.cards().get(card).orElseThrow().queue());
  }

  private String cardRow(long card) {
    return s.col.read(c -> c.cards().get(card).orElseThrow().toString());
  }

  private long revlogCount() {
    return s.col.read(c -> c.db().queryLong("select count() from revlog", 0));
  }

  private String noteTags() {
    return s.col.read(c -> c.db().queryOne("select tags from notes", rs -> rs.getString(1)).orElseThrow());
  }

  private List<String> registeredTags() {
    return s.col.read(c -> c.tags().all());
  }

  private long reviewStudied() {
    return s.col.read(c -> (long) c.decks().get(1).orElseThrow().common().getReviewStudied());
  }
}
