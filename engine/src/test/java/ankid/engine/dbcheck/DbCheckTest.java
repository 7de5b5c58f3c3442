package ankid.engine.dbcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Check Database where current Anki goes beyond 2.1.66, so the real engine cannot be asked
 * (rslib/src/dbcheck.rs and the storage functions it calls), and what the check does besides its
 * messages.
 */
class DbCheckTest {
  @TempDir Path tmp;
  Collection col;

  @BeforeEach
  void open() throws Exception {
    Path file = BrokenCollections.create(tmp.resolve("collection.anki2"));
    // an hour later, so stamps the check writes differ from those of the collection's creation
    col = Collection.open(file, Clock.offset(Clock.systemDefaultZone(), Duration.ofHours(1)));
  }

  @AfterEach
  void close() {
    col.close();
  }

  private void sql(String... statements) {
    col.write(c -> {
      for (String s : statements) c.db().exec(s);
      return null;
    });
  }

  private List<String> check() {
    return col.dbCheck().checkDatabase(Progress.NONE).problems();
  }

  private long value(String sql) {
    return col.read(c -> c.db().queryLong(sql, -1));
  }

  private String text(String sql) {
    return col.read(c -> c.db().queryOne(sql, rs -> rs.getString(1)).orElse(null));
  }

  @Test
  void aReviewedCardWithoutItsLastReviewTimeGetsIt() {
    sql("update cards set data = '{}' where id = " + BrokenCollections.ANSWERED_CARD);
    long mtime = value("select mod from cards where id = " + BrokenCollections.ANSWERED_CARD);
    long scm = value("select scm from col");

    assertThat(check()).containsExactly("Added last review time to 1 card.");
    assertThat(text("select data from cards where id = " + BrokenCollections.ANSWERED_CARD))
        .isEqualTo("{\"lrt\":" + value("select max(id) / 1000 from revlog") + "}");
    assertThat(value("select mod from cards where id = " + BrokenCollections.ANSWERED_CARD)).isEqualTo(mtime);
    assertThat(value("select scm from col")).isGreaterThan(scm);
    assertThat(check()).isEmpty();
  }

  @Test
  void aResetAfterTheLastReviewLeavesNoLastReviewTime() {
    sql("insert into revlog select id + 1000, cid, -1, 0, 0, 0, 0, 0, 4 from revlog");

    assertThat(check()).containsExactly("Added last review time to 1 card.");
    assertThat(text("select data from cards where id = " + BrokenCollections.ANSWERED_CARD)).doesNotContain("lrt");
  }

  @Test
  void crammingIsNoReview() {
    sql("insert into revlog select id + 1000, cid, -1, 3, 0, 0, 0, 1000, 3 from revlog");

    assertThat(check()).isEmpty();
  }

  @Test
  void aLearningEntryWithoutAnswerOrTimeBecomesARescheduling() {
    sql("insert into revlog select id + 1000, cid, -1, 0, 0, 0, 0, 0, 0 from revlog");

    assertThat(check()).containsExactly("Fixed 1 review entry with invalid properties.");
    assertThat(value("select type from revlog order by id desc limit 1")).isEqualTo(5);
  }

  @Test
  void tagsThatAreNotUtf8AreRepairedWithTheFields() {
    sql("update notes set tags = cast(x'2074ff3220' as text) where id = " + BrokenCollections.HELLO);

    assertThat(check()).containsExactly("Fixed 1 note with invalid utf8 characters.");
    assertThat(text("select tags from notes where id = " + BrokenCollections.HELLO)).isEqualTo(" t\uFFFD2 ");
    assertThat(text("select group_concat(tag, ' ') from tags where tag like 't%'")).isEqualTo("t\uFFFD2");
  }

  @Test
  void aGuidThatIsNotUtf8StopsTheCheckAndChangesNothing() {
    sql("update notes set guid = cast(x'41ff' as text), flds = cast(x'ff1f' as text) where id = "
        + BrokenCollections.HELLO);

    assertThatThrownBy(this::check).isInstanceOf(AnkiException.class).hasMessageContaining("not valid UTF-8");
    assertThat(value("select count() from notes where hex(flds) = 'FF1F'")).isEqualTo(1);
  }

  /** Only notetypes with notes are looked at, as in Anki. */
  @Test
  void imageOcclusionFieldsGetTheirTagsSilently() {
    Notetype io = col.read(c -> c.notetypes().byName("Image Occlusion").orElseThrow());
    col.write(c -> c.notes().add(c.notes().draft(io, List.of(
        "{{c1::image-occlusion:rect:left=.1:top=.1:width=.2:height=.2}}", "<img src=\"x.png\">"), List.of()), 1));
    List<Notetype.Field> untagged = new ArrayList<>();
    for (Notetype.Field f : io.fields()) {
      untagged.add(new Notetype.Field(f.ord(), f.name(), f.config().toBuilder().clearTag().setPreventDeletion(false)
          .build()));
    }
    col.write(c -> {
      c.notetypes().store().put(new Notetype(io.id(), io.name(), io.mtimeSecs(), 0, io.config(), untagged,
          io.templates()));
      return null;
    });

    assertThat(check()).isEmpty();
    Notetype fixed = col.read(c -> c.notetypes().get(io.id()).orElseThrow());
    assertThat(fixed.fields()).extracting(f -> f.config().getTag()).containsExactly(0, 1, 2, 3, 4);
    assertThat(fixed.fields()).extracting(f -> f.config().getPreventDeletion())
        .containsExactly(true, true, true, true, false);
    assertThat(fixed.usn()).isEqualTo(-1);
  }

  @Test
  void tagsExpandedInTheBrowserStayExpanded() {
    sql("update tags set collapsed = 0 where tag = 't1'");

    check();

    assertThat(value("select collapsed from tags where tag = 't1'")).isZero();
    assertThat(value("select collapsed from tags where tag = 'Parent::child'")).isEqualTo(1);
  }

  @Test
  void aCleanCheckLeavesTheSchemaAlone() {
    long scm = value("select scm from col");

    assertThat(check()).isEmpty();
    assertThat(value("select scm from col")).isEqualTo(scm);
  }

  @Test
  void deletingCardsOfMissingNotesForcesAFullSync() {
    long scm = value("select scm from col");
    sql("delete from notes where id = " + BrokenCollections.HELLO);

    check();

    assertThat(value("select scm from col")).isGreaterThan(scm);
  }

  @Test
  void progressGoesThroughAnkisStages() {
    List<String> stages = new ArrayList<>();
    col.dbCheck().checkDatabase((stage, done, total) -> {
      if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) stages.add(stage);
    });

    assertThat(stages).containsExactly("Checking collection...", "Rebuilding...", "Checking cards...",
        "Checking notes...", "Checking history...");
  }
}
