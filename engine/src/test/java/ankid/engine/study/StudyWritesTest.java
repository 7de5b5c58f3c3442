package ankid.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.proto.DecksProto;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.scheduler.AnswerResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What answering and manual scheduling write back to a collection. */
class StudyWritesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
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

  /** A note with one new card per deck id, at new positions 1, 2, …; returns the card ids. */
  private List<Long> addCards(String tags, long... deckIds) {
    return col.write(c -> {
      long nid = c.newId(c.notes().store().maxId());
      long mid = c.notetypes().all().get(0).id();
      c.db().exec("insert into notes values (?, ?, ?, 0, -1, ?, 'q\u001fa', 'q', 0, 0, '')", nid, "g" + nid, mid, tags);
      List<Long> ids = new java.util.ArrayList<>();
      for (int ord = 0; ord < deckIds.length; ord++) {
        long cid = c.newId(c.cards().store().maxId());
        c.db().exec("insert into cards values (?, ?, ?, ?, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '{}')",
            cid, nid, deckIds[ord], ord, ord + 1);
        ids.add(cid);
      }
      return ids;
    });
  }

  @Test
  void aTakenRevlogIdMovesPastTheLargestOne() {
    long first = col.write(c -> c.revlog().add(RevlogEntry.local(1000, 1, 3, 1, 0, 2500, 0, 1)));
    col.write(c -> c.revlog().add(RevlogEntry.local(5000, 1, 3, 1, 0, 2500, 0, 1)));
    long bumped = col.write(c -> c.revlog().add(RevlogEntry.local(1000, 1, 3, 1, 0, 2500, 0, 1)));
    assertThat(first).isEqualTo(1000);
    assertThat(bumped).isEqualTo(5001);
  }

  @Test
  void studiedCountersResetOnANewDayAndAccumulateWithinOne() {
    var common = DecksProto.Deck.Common.newBuilder().setLastDayStudied(7).setNewStudied(5).setReviewStudied(9)
        .setMillisecondsStudied(1234).build();
    var sameDay = Answering.studied(common, 7, new AnswerResult.Studied(1, 0, 100));
    assertThat(List.of(sameDay.getNewStudied(), sameDay.getReviewStudied(), sameDay.getMillisecondsStudied()))
        .containsExactly(6, 9, 1334);
    var nextDay = Answering.studied(common, 8, new AnswerResult.Studied(0, 1, 0));
    assertThat(List.of(nextDay.getLastDayStudied(), nextDay.getNewStudied(), nextDay.getReviewStudied(),
        nextDay.getMillisecondsStudied())).containsExactly(8, 0, 1, 0);
  }

  @Test
  void answeringCountsInTheCardsDeckAndEveryAncestor() {
    long child = col.write(c -> c.decks().idForName("Lang::Spanish"));
    long card = addCards("", child).get(0);
    AnswerResult r = col.write(c -> c.scheduling().answer(card, 3)).orElseThrow();
    assertThat(r.card().type()).isEqualTo(Card.TYPE_LEARN);
    long today = col.read(c -> c.timing().daysElapsed());
    for (String name : List.of("Lang", "Lang::Spanish")) {
      var common = col.read(c -> c.decks().byName(name).orElseThrow().common());
      assertThat(List.of((long) common.getNewStudied(), (long) common.getLastDayStudied())).as(name)
          .containsExactly(1L, today);
    }
    assertThat(col.<Integer>read(c -> c.decks().byName("Default").orElseThrow().common().getNewStudied())).isZero();
    assertThat(col.<Integer>read(c -> c.cards().get(card).orElseThrow().reps())).isEqualTo(1);
    assertThat(col.<java.util.Optional<AnswerResult>>write(c -> c.scheduling().answer(424242, 3))).isEmpty();
  }

  @Test
  void theLeechTagTakesTheRegisteredSpellingAndIsAddedOnce() {
    long card = addCards(" vocab ", 1).get(0);
    long nid = col.read(c -> c.cards().get(card).orElseThrow().nid());
    col.write(c -> c.db().exec("insert into tags values ('Leech', -1, 0, null)"));
    col.write(c -> {
      new Answering(c).addLeechTag(nid);
      new Answering(c).addLeechTag(nid);
      return null;
    });
    assertThat(col.<java.util.Optional<String>>read(c -> c.db().queryOne("select tags from notes where id = ?", rs -> rs.getString(1), nid)))
        .contains(" Leech vocab ");
  }

  @Test
  void aNewLeechTagIsRegisteredCollapsedLikeAnyNewTag() {
    long card = addCards(" vocab ", 1).get(0);
    long nid = col.read(c -> c.cards().get(card).orElseThrow().nid());
    col.write(c -> {
      new Answering(c).addLeechTag(nid);
      return null;
    });
    assertThat(col.<Long>read(c -> c.db().queryLong("select collapsed from tags where tag = 'leech'", -1))).isEqualTo(1L);
  }

  @Test
  void forgettingACardWithoutAPositionUsesAndAdvancesNextPos() {
    List<Long> cards = addCards("", 1, 1);
    col.write(c -> {
      c.db().exec("update cards set type = 2, queue = 2, due = 5, ivl = 3, factor = 2500 where id = ?", cards.get(0));
      c.config().set("nextPos", 40);
      c.scheduling().forget(cards);
      return null;
    });
    Card reviewed = col.read(c -> c.cards().get(cards.get(0)).orElseThrow());
    Card fresh = col.read(c -> c.cards().get(cards.get(1)).orElseThrow());
    assertThat(List.of(reviewed.type(), reviewed.due(), fresh.due())).containsExactly(0, 40, 2);
    assertThat(col.<Long>read(c -> c.config().getLong("nextPos", 0))).isEqualTo(41);
    assertThat(col.<Long>read(c -> c.db().queryLong("select count() from revlog where type = 4 and ease = 0", 0))).isEqualTo(2);
  }

  @Test
  void withFsrsOnAnAnswerStoresMemoryAndTheRevlogCarriesDifficulty() {
    long card = addCards("", 1).get(0);
    col.write(c -> {
      c.config().set("fsrs", true);
      return null;
    });
    AnswerResult r = col.write(c -> c.scheduling().answer(card, 3)).orElseThrow();
    Card stored = col.read(c -> c.cards().get(card).orElseThrow());
    assertThat(stored.data().memory()).isNotNull();
    assertThat(stored.data().dr()).isEqualTo(0.9f);
    assertThat(stored.data().lrt()).isEqualTo(CLOCK.millis() / 1000);
    assertThat(r.revlog().factor()).isBetween(100L, 1100L);
  }
}
