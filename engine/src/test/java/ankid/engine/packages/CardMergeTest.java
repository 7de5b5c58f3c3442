package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.importInto;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Cards and reviews (rslib import/cards.rs). */
class CardMergeTest extends MergeTestBase {
  /** Makes the note's card a review card due on {@code due} with one review logged. */
  private long review(Collection col, Note note, int due) {
    long cid = col.db().queryLong("select id from cards where nid = ?", 0, note.id());
    col.write(c -> {
      c.db().exec("update cards set type = 2, queue = 2, due = ?, ivl = 10, factor = 2500, reps = 3 where id = ?",
          due, cid);
      c.db().exec("insert into revlog values (?, ?, -1, 3, 10, 4, 2500, 6000, 1)", cid + 5, cid);
      return null;
    });
    return cid;
  }

  private Path withScheduling() {
    return collections.export(source, ExportOptions.wholeCollection().withScheduling(true));
  }

  @Test
  void withSchedulingCardsKeepTheirStateAndReviews() {
    Note note = addBasic(source, "x", "");
    long cid = review(source, note, 100);

    importInto(target, withScheduling(), ImportOptions.DEFAULTS.withScheduling(true));

    assertThat(target.db().queryLong("select queue from cards where id = ?", 0, cid)).isEqualTo(2);
    assertThat(target.db().queryLong("select count() from revlog where cid = ?", 0, cid)).isEqualTo(1);
  }

  @Test
  void withoutSchedulingCardsArriveNewWithoutReviews() {
    Note note = addBasic(source, "x", "");
    long cid = review(source, note, 100);

    importInto(target, withScheduling());

    assertThat(target.db().queryLong("select type + queue + ivl + reps from cards where id = ?", -1, cid)).isZero();
    assertThat(target.db().queryLong("select count() from revlog", 0)).isZero();
  }

  @Test
  void reviewDuesMoveByHowManyDaysTheSourceIsAhead() {
    Note note = addBasic(source, "x", "");
    long cid = review(source, note, 100);
    long crt = target.creationStamp();
    source.write(c -> {
      c.setCreationStamp(crt - 10 * 86_400);
      return null;
    });

    importInto(target, withScheduling(), ImportOptions.DEFAULTS.withScheduling(true));

    assertThat(target.db().queryLong("select due from cards where id = ?", 0, cid)).isEqualTo(90);
  }

  @Test
  void aCardTheNoteAlreadyHasKeepsItsSchedulingHere() {
    Note note = addBasic(source, "x", "");
    importInto(target, collections.exportAll(source));
    long cid = review(source, note, 100);

    importInto(target, withScheduling(), ImportOptions.DEFAULTS.withScheduling(true));

    assertThat(target.db().queryLong("select queue from cards where id = ?", -1, cid)).isZero();
    assertThat(target.db().queryLong("select count() from revlog", 0)).isZero();
  }

  @Test
  void aCardWhoseIdIsTakenMovesOnBy999() {
    Note note = addBasic(source, "x", "");
    long cid = source.db().queryLong("select id from cards where nid = ?", 0, note.id());
    Note other = addBasic(target, "mine", "");
    target.write(c -> c.db().exec("update cards set id = ? where nid = ?", cid, other.id()));

    importInto(target, collections.exportAll(source));

    assertThat(target.db().queryLong("select nid from cards where id = ?", 0, cid + 999)).isEqualTo(note.id());
  }

  @Test
  void markedAndLeechTagsStayBehindWithoutScheduling() {
    Note note = addBasic(source, "x", "");
    source.write(c -> c.notes().update(c.notes().require(note.id())
        .withTags(java.util.List.of("leech", "marked", "vocab"))));

    importInto(target, collections.exportAll(source));

    assertThat(target.notes().require(note.id()).tags()).containsExactly("vocab");
  }
}
