package ankid.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.scheduler.AnswerResult;
import ankid.engine.scheduler.IntervalLabels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cardsInfo's interval labels come from the same scheduling setup as answering the card. */
class NextReviewsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
  private static final long DAY_MS = 86_400_000L;
  @TempDir Path dir;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(dir.resolve("c.anki2"), CLOCK);
  }

  @AfterEach
  void close() {
    col.close();
  }

  /**
   * A review card due today, reviewed 40 and 30 days ago, whose data has no FSRS memory state (as
   * after switching FSRS on): rslib's card_state_updater rebuilds the memory from the revlog.
   */
  private long reviewCardWithHistoryButNoMemory() {
    return col.write(c -> {
      long now = CLOCK.millis();
      long nid = c.newId(c.notes().store().maxId());
      long mid = c.notetypes().all().get(0).id();
      c.db().exec("insert into notes values (?, ?, ?, 0, -1, '', 'q\u001fa', 'q', 0, 0, '')", nid, "g" + nid, mid);
      long cid = c.newId(c.cards().store().maxId());
      long today = c.timing().daysElapsed();
      c.db().exec("insert into cards values (?, ?, 1, 0, 0, -1, 2, 2, ?, 10, 2500, 2, 0, 0, 0, 0, 0, '{}')",
          cid, nid, today);
      c.db().exec("insert into revlog values (?, ?, -1, 3, 1, -600, 2500, 6000, 0)", now - 40 * DAY_MS + cid % 1000, cid);
      c.db().exec("insert into revlog values (?, ?, -1, 3, 10, 1, 2500, 6000, 1)", now - 30 * DAY_MS + cid % 1000, cid);
      c.config().set("fsrs", true);
      return cid;
    });
  }

  @Test
  void theGoodLabelIsTheIntervalAnsweringGoodGivesAnFsrsCardWithoutMemory() {
    long cid = reviewCardWithHistoryButNoMemory();
    List<String> labels = col.read(c -> c.scheduling().nextReviews().labels(c.cards().get(cid).orElseThrow()));
    AnswerResult good = col.write(c -> c.scheduling().answer(cid, 3)).orElseThrow();
    assertThat(good.card().type()).isEqualTo(Card.TYPE_REVIEW);
    assertThat(labels.get(2)).isEqualTo(IntervalLabels.label(good.card().ivl() * 86_400L, 1200));
  }

  @Test
  void labelsOfManyCardsOfOneDeckAreEachCardsOwn() {
    long first = reviewCardWithHistoryButNoMemory();
    long second = reviewCardWithHistoryButNoMemory();
    List<List<String>> together = col.read(c -> {
      NextReviews shared = c.scheduling().nextReviews();
      return List.of(shared.labels(c.cards().get(first).orElseThrow()), shared.labels(c.cards().get(second).orElseThrow()));
    });
    List<String> alone = col.read(c -> c.scheduling().nextReviews().labels(c.cards().get(second).orElseThrow()));
    assertThat(together.get(1)).isEqualTo(alone);
    assertThat(together.get(0)).hasSize(4);
  }
}
