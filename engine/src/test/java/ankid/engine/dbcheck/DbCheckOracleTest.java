package ankid.engine.dbcheck;

import static ankid.engine.dbcheck.BrokenCollections.ANSWERED_CARD;
import static ankid.engine.dbcheck.BrokenCollections.BASIC;
import static ankid.engine.dbcheck.BrokenCollections.CAT;
import static ankid.engine.dbcheck.BrokenCollections.CAT_CARD;
import static ankid.engine.dbcheck.BrokenCollections.CLOZE;
import static ankid.engine.dbcheck.BrokenCollections.FRENCH;
import static ankid.engine.dbcheck.BrokenCollections.HELLO;
import static ankid.engine.dbcheck.BrokenCollections.HELLO_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of Check Database: a collection broken in one way is copied; the real engine
 * (anki-oracle check) checks one copy and ankid the other. Both must report the same problems (the
 * ones listed with the case), and the real engine must find nothing left in the copy ankid
 * repaired, nor ankid on a second run. Cases where Anki 2.1.66 and current Anki differ are tested
 * in {@link DbCheckTest} instead.
 */
class DbCheckOracleTest {
  @TempDir static Path tmp;
  static Path intact;
  static Oracle.Batch oracle;

  record Breakage(String name, List<String> sql, List<String> problems) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Breakage breakage(String name, String sql, String... problems) {
    return new Breakage(name, sql.isEmpty() ? List.of() : List.of(sql.split(";\n")), List.of(problems));
  }

  static Stream<Breakage> breakages() {
    return Stream.of(
        breakage("nothing broken", ""),
        breakage("a card without its note", "delete from notes where id = " + HELLO,
            "Deleted 1 card with missing note."),
        breakage("a new card at position 2,000,001",
            "update cards set due = 2000001 where id = " + HELLO_CARD,
            "Found 1 new card with a due number >= 1,000,000 - consider repositioning it in the Browse screen."),
        breakage("new cards between 1,000,000 and 2,000,000 are left alone",
            "update cards set due = 1999999 where id = " + HELLO_CARD),
        breakage("two new cards far beyond",
            "update cards set due = 3500000 where nid = " + CAT,
            "Found 2 new cards with a due number >= 1,000,000 - consider repositioning them in the Browse screen."),
        breakage("a review card due at a timestamp",
            "update cards set type = 2, queue = 2, ivl = 5, due = 1700000000 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property."),
        breakage("a fractional interval and due",
            "update cards set ivl = 1.5, due = 2.5 where id = " + HELLO_CARD,
            "Fixed 2 invalid card properties."),
        breakage("a negative interval",
            "update cards set type = 2, queue = 2, ivl = -5, due = 10 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property."),
        breakage("a due beyond 32 bits",
            "update cards set due = 5000000000 where id = " + CAT_CARD,
            "Found 1 new card with a due number >= 1,000,000 - consider repositioning it in the Browse screen."),
        breakage("a review card keeping an original due outside a filtered deck",
            "update cards set type = 2, queue = 2, ivl = 5, due = 10, odue = 7 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property."),
        breakage("a card in a normal deck naming an original deck",
            "update cards set odid = 1, odue = 5 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property."),
        breakage("a fractional card mtime",
            "update cards set mod = mod + 0.5 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property."),
        breakage("a template ordinal beyond 30000",
            "update cards set ord = 40000 where id = " + HELLO_CARD,
            "Fixed 1 invalid card property.", "Deleted 1 card with missing template."),
        breakage("cards in a deck that does not exist",
            "update cards set did = 555 where nid = " + CAT,
            "Fixed 1 missing deck."),
        breakage("a deck whose parent is gone",
            "delete from decks where name = 'Lang'",
            "Fixed 1 missing deck."),
        breakage("a deck whose parent and grandparent are gone",
            "insert into decks select id + 1, 'A' || char(31) || 'B' || char(31) || 'C', mtime_secs, usn, common, kind"
                + " from decks where id = " + FRENCH,
            "Fixed 1 missing deck."),
        breakage("a note with an extra field",
            "update notes set flds = 'hello' || char(31) || 'world' || char(31) || 'extra' where id = " + HELLO,
            "Fixed 1 note with wrong field count."),
        breakage("notes missing fields",
            "update notes set flds = 'hello' where id = " + HELLO + ";\nupdate notes set flds = 'cat' where id = " + CAT,
            "Fixed 2 notes with wrong field count."),
        breakage("two cards with the same template",
            "insert into cards select id + 100, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,"
                + " left, odue, odid, flags, data from cards where id = " + HELLO_CARD,
            "Deleted 1 card with duplicate template."),
        breakage("a card of a template that does not exist",
            "update cards set ord = 5 where id = " + HELLO_CARD,
            "Deleted 1 card with missing template."),
        breakage("cloze cards keep any ordinal",
            "update cards set ord = ord + 7 where nid = " + CLOZE),
        breakage("a missing card is generated silently",
            "delete from cards where nid = " + CAT + " and ord = 1"),
        breakage("a note id in the future",
            "update cards set nid = 9999999999999 where nid = " + HELLO + ";\n"
                + "update notes set id = 9999999999999 where id = " + HELLO,
            "Fixed 1 object with timestamps in the future."),
        breakage("a card id in the future, its review following",
            "update revlog set cid = 9999999999990 where cid = " + ANSWERED_CARD + ";\n"
                + "update cards set id = 9999999999990 where id = " + ANSWERED_CARD,
            "Fixed 1 object with timestamps in the future."),
        // A new card's reviews leave its last review time alone, so this one stays comparable.
        breakage("review ids in the future",
            "insert into revlog values (9999999999999, " + HELLO_CARD + ", -1, 0, 0, 0, 0, 0, 4);\n"
                + "insert into revlog values (9999999999998, " + HELLO_CARD + ", -1, 0, 0, 0, 0, 0, 4)",
            "Fixed 2 objects with timestamps in the future."),
        breakage("a note modified in the future is clamped silently",
            "update notes set mod = 9999999999 where id = " + HELLO),
        breakage("an unused tag is dropped silently",
            "insert into tags values ('stale', 0, 0, null)"),
        breakage("a used tag missing from the registry is added silently",
            "delete from tags where tag = 't1'"),
        breakage("a fractional review interval",
            "update revlog set ivl = 1.5, lastIvl = -0.5 where cid = " + ANSWERED_CARD,
            "Fixed 1 review entry with invalid properties."),
        breakage("a negative review time",
            "update revlog set time = -20 where cid = " + ANSWERED_CARD,
            "Fixed 1 review entry with invalid properties."),
        // a stray byte, a cut 2-byte, 3-byte and 4-byte sequence, a surrogate, an overlong form
        breakage("fields that are not UTF-8",
            "update notes set flds = cast(x'68656c6c6fff1f77c3286f726c64f0908057eda080c0afe282' as text) where id = "
                + HELLO,
            "Fixed 1 note with invalid utf8 characters."),
        breakage("a deck without its preset",
            "delete from deck_config"),
        breakage("the v1 scheduler keeps original dues of review cards",
            "update config set val = cast('1' as blob) where key = 'schedVer';\n"
                + "update cards set type = 2, queue = 2, ivl = 5, due = 10, odue = 7 where id = " + HELLO_CARD),
        breakage("a note whose sort field and checksum are stale is saved again silently",
            "update notes set sfld = 'stale', csum = 1 where id = " + HELLO),
        breakage("the next position behind the cards",
            "update config set val = cast('1' as blob) where key = 'nextPos'"),
        breakage("no notetypes and no notes",
            "delete from cards;\ndelete from notes;\ndelete from notetypes;\ndelete from fields;\n"
                + "delete from templates"),
        breakage("many things at once",
            "delete from notes where id = " + HELLO + ";\n"
                + "update cards set did = 777 where nid = " + CAT + ";\n"
                + "update notes set flds = 'El' where id = " + CLOZE + ";\n"
                + "update revlog set time = 1.5",
            "Deleted 1 card with missing note.", "Fixed 1 missing deck.", "Fixed 1 note with wrong field count.",
            "Fixed 1 review entry with invalid properties."));
  }

  @BeforeAll
  static void intactCollection() throws Exception {
    SharedFiles.require();
    intact = BrokenCollections.create(tmp.resolve("intact").resolve("collection.anki2"));
    oracle = Oracle.batch();
  }

  @AfterAll
  static void stopOracle() {
    if (oracle != null) oracle.close();
  }

  /**
   * Anki 2.1.66 said "notetypes" where current Anki says "note types"
   * (ftl/core/database-check.ftl, {@code database-check-notetypes-recovered}); the rest is compared
   * as it is.
   */
  static Stream<Breakage> notetypeBreakages() {
    String recovered = "One or more note types were missing. The notes that used them have been given new note"
        + " types starting with \"db-check\", but field names and card design have been lost, so you may be"
        + " better off restoring from an automatic backup.";
    return Stream.of(
        breakage("notes of a notetype that is gone, two cards each",
            "delete from notetypes where id = (select mid from notes where id = " + CAT + ")", recovered),
        breakage("every notetype gone",
            "delete from notetypes;\ndelete from fields;\ndelete from templates", recovered),
        breakage("a notetype gone and a note of it short of fields",
            "delete from notetypes where id = (select mid from notes where id = " + CAT + ");\n"
                + "update notes set flds = 'cat' where id = " + CAT,
            recovered, "Fixed 1 note with wrong field count."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notetypeBreakages")
  void notesOfMissingNotetypesGetTheNotetypesAnkiWouldGiveThem(Breakage b) throws Exception {
    ankidFindsWhatAnkiFindsAndLeavesNothingForAnki(b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void ankidFindsWhatAnkiFindsAndLeavesNothingForAnki(Breakage b) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(b.name().replaceAll("\\W+", "-")));
    Path broken = Files.copy(intact, dir.resolve("broken.anki2"));
    BrokenCollections.breakWith(broken, b.sql().toArray(String[]::new));
    Path forAnki = Files.copy(broken, dir.resolve("for-anki.anki2"));

    List<String> ankis = problems(oracle.call("check", forAnki.toString()).ok()).stream()
        .map(p -> p.replace("notetypes", "note types")).toList();
    List<String> ours;
    List<String> again;
    try (Collection col = Collection.open(broken, Clock.systemDefaultZone())) {
      ours = col.dbCheck().checkDatabase(Progress.NONE).problems();
      again = col.dbCheck().checkDatabase(Progress.NONE).problems();
    }

    assertThat(ankis).as("the real engine").containsExactlyElementsOf(b.problems());
    assertThat(ours).as("ankid").containsExactlyElementsOf(ankis);
    assertThat(again).as("ankid's second check").isEmpty();
    assertThat(problems(oracle.call("check", broken.toString()).ok())).as("the real engine after ankid").isEmpty();
    oracle.call("check", forAnki.toString(), "--in-place").ok();
    for (String query : REPAIRED_STATE) {
      assertThat(rows(broken, query)).as(query).isEqualTo(rows(forAnki, query));
    }
  }

  /**
   * What both repairs must agree on. Rows are matched by what survives a repair (guids, names,
   * ordinals), since renumbered ids and new rows' ids and mtimes come from the clock.
   */
  static final List<String> REPAIRED_STATE = List.of(
      "select guid, (select case when name like 'db-check-%' then 'db-check-<ms>' || substr(name, 23) else name end"
          + " from notetypes where id = n.mid), flds, tags, sfld, typeof(sfld), csum, usn from notes n order by guid",
      "select case when name like 'db-check-%' then 'db-check-<ms>' || substr(name, 23) else name end,"
          + " (select group_concat(name, '|') from (select name from fields where ntid = m.id order by ord)),"
          + " (select group_concat(name, '|') from (select name from templates where ntid = m.id order by ord))"
          + " from notetypes m order by 1",
      "select n.guid, c.ord, (select name from decks where id = c.did), c.type, c.queue, c.due, c.ivl, c.factor,"
          + " c.reps, c.lapses, c.left, c.odue, c.odid, c.flags, c.data, typeof(c.due), typeof(c.ivl), typeof(c.mod)"
          + " from cards c join notes n on n.id = c.nid order by n.guid, c.ord, c.id",
      "select name, usn from decks order by name",
      "select tag, collapsed, usn from tags order by tag",
      "select n.guid, c.ord, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type, typeof(r.ivl), typeof(r.time)"
          + " from revlog r join cards c on c.id = r.cid join notes n on n.id = c.nid order by r.id",
      "select count() from revlog",
      "select cast(val as text) from config where key in ('nextPos') order by key");

  static JsonNode rows(Path collection, String query) {
    return oracle.call("sql", collection.toString(), query).ok().get("rows");
  }

  /** Collections Anki's check gives up on: ankid gives up too, with the reason. */
  static Stream<Breakage> unrepairable() {
    return Stream.of(
        breakage("a notetype that cannot be read",
            "update notetypes set config = x'ffffff' where id = (select mid from notes where id = " + HELLO + ")",
            "notetype"),
        breakage("a field of a notetype that cannot be read",
            "update fields set config = x'ffffff' where ntid = (select mid from notes where id = " + HELLO + ")",
            "notetype"),
        breakage("a deck that cannot be read",
            "update decks set common = x'ffffff' where id = 1", "deck 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unrepairable")
  void whereAnkiGivesUpAnkidGivesUpAndChangesNothing(Breakage b) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(b.name().replaceAll("\\W+", "-")));
    Path broken = Files.copy(intact, dir.resolve("broken.anki2"));
    BrokenCollections.breakWith(broken, b.sql().toArray(String[]::new));
    JsonNode before = rows(broken, "select count(), sum(mod) from cards");

    assertThat(oracle.call("check", broken.toString()).exit()).as("the real engine").isEqualTo(2);
    try (Collection col = Collection.open(broken, Clock.systemDefaultZone())) {
      assertThatThrownBy(() -> col.dbCheck().checkDatabase(Progress.NONE))
          .isInstanceOf(AnkiException.class).hasMessageContaining(b.problems().get(0));
    }
    assertThat(rows(broken, "select count(), sum(mod) from cards")).isEqualTo(before);
  }

  @Test
  void aDamagedFileIsReportedCorruptAsAnkiReportsIt() throws Exception {
    Path broken = Files.copy(intact, Files.createDirectories(tmp.resolve("damaged")).resolve("broken.anki2"));
    long cardsPage = rows(broken, "select rootpage from sqlite_master where name = 'cards'").get(0).get(0).asLong();
    try (var file = new java.io.RandomAccessFile(broken.toFile(), "rw")) {
      // the cell pointers of the cards table's root page point nowhere now
      file.seek((cardsPage - 1) * 4096 + 8);
      file.write(new byte[] {0, 0, (byte) 0xff, (byte) 0xff, 0, 0});
    }
    Path forAnki = Files.copy(broken, broken.resolveSibling("for-anki.anki2"));

    assertThat(oracle.call("check", forAnki.toString()).json().path("error").path("message").asText())
        .isEqualTo(DbCheck.CORRUPT);
    try (Collection col = Collection.open(broken, Clock.systemDefaultZone())) {
      assertThatThrownBy(() -> col.dbCheck().checkDatabase(Progress.NONE)).hasMessage(DbCheck.CORRUPT);
    }
  }

  static List<String> problems(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("problems").forEach(p -> out.add(p.asText()));
    return out;
  }
}
