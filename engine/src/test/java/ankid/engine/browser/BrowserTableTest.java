package ankid.engine.browser;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser table's cells (rslib browser_table.rs) and its Due sort (rslib search/mod.rs). */
class BrowserTableTest {
  @TempDir Path dir;
  Collection col;
  long today;
  long now;

  @BeforeEach
  void open() {
    col = Collection.open(dir.resolve("collection.anki2"),
        Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));
    today = col.read(c -> c.timing().daysElapsed());
    now = col.read(c -> c.timing().now());
  }

  @AfterEach
  void close() {
    col.close();
  }

  private List<Long> add(String notetype, String deck, String... fields) {
    return col.write(c -> {
      Notetype nt = c.notetypes().byName(notetype).orElseThrow();
      Note note = c.notes().add(c.notes().draft(nt, List.of(fields), List.of()), c.decks().idForName(deck));
      return c.notes().cardIds(note.id());
    });
  }

  private void sql(String sql, Object... args) {
    col.write(c -> c.db().exec(sql, args));
  }

  private Map<Column, String> cells(long card) {
    return col.read(c -> BrowserTable.row(c, card).orElseThrow().cells());
  }

  @Test
  void aNewCardShowsItsPositionAndNoIntervalOrEase() {
    long card = add("Basic", "Default", "<b>dog</b> &amp; cat<br>x", "").get(0);
    Map<Column, String> cells = cells(card);
    assertThat(cells.get(Column.SORT_FIELD)).isEqualTo("dog & cat x");
    assertThat(cells.get(Column.CARDS)).isEqualTo("Card 1");
    assertThat(cells.get(Column.DECK)).isEqualTo("Default");
    assertThat(cells.get(Column.DUE)).isEqualTo("New #1");
    assertThat(cells.get(Column.INTERVAL)).isEqualTo("(new)");
    assertThat(cells.get(Column.EASE)).isEqualTo("(new)");
    assertThat(cells.get(Column.NOTE_CREATION)).isEqualTo("2026-03-10 @ 12:00");
    assertThat(cells.get(Column.CARD_MOD)).isEqualTo("2026-03-10 @ 12:00");
  }

  @Test
  void aReviewCardShowsItsDueDateIntervalAndEase() {
    long card = add("Basic", "Default", "a", "").get(0);
    sql("update cards set type = 2, queue = 2, due = ?, ivl = 45, factor = 2350 where id = ?", today + 2, card);
    Map<Column, String> cells = cells(card);
    assertThat(cells.get(Column.DUE)).isEqualTo("2026-03-12");
    assertThat(cells.get(Column.INTERVAL)).isEqualTo("1.5 months");
    assertThat(cells.get(Column.EASE)).isEqualTo("235%");
  }

  @Test
  void aSuspendedCardsDueIsInParenthesesAndALearningCardsIntervalIsLearning() {
    List<Long> cards = add("Basic (and reversed card)", "Default", "a", "b");
    sql("update cards set type = 2, queue = -1, due = ?, ivl = 1 where id = ?", today + 3, cards.get(0));
    sql("update cards set type = 1, queue = 1, due = ?, factor = 2500 where id = ?", now + 3 * 86_400, cards.get(1));
    assertThat(cells(cards.get(0)).get(Column.DUE)).isEqualTo("(2026-03-13)");
    assertThat(cells(cards.get(1)).get(Column.DUE)).isEqualTo("2026-03-13");
    assertThat(cells(cards.get(1)).get(Column.INTERVAL)).isEqualTo("(learning)");
  }

  @Test
  void aSuspendedLearningCardHasNoDueDateAsInAnki() {
    long card = add("Basic", "Default", "a", "").get(0);
    sql("update cards set type = 1, queue = -1, due = ? where id = ?", now + 3 * 86_400, card);
    assertThat(cells(card).get(Column.DUE)).isEmpty();
  }

  @Test
  void aClozeCardIsNumberedAndAFilteredCardShowsItsHomeDeck() {
    List<Long> cards = add("Cloze", "Home", "{{c1::a}} {{c2::b}}", "");
    long filtered = col.write(c -> c.decks().idForName("Filtered"));
    sql("update cards set did = ?, odid = (select id from decks where name = 'Home') where id = ?", filtered, cards.get(1));
    assertThat(cells(cards.get(1)).get(Column.CARDS)).isEqualTo("Cloze 2");
    assertThat(cells(cards.get(1)).get(Column.DECK)).isEqualTo("Filtered (Home)");
    assertThat(cells(cards.get(1)).get(Column.DUE)).isEqualTo("(filtered)");
  }

  @Test
  void dueSortsNewCardsByPositionThenEverythingElseByItsTime() {
    long fresh = add("Basic", "Default", "n", "").get(0);
    long reviewTomorrow = add("Basic", "Default", "r", "").get(0);
    long learningInAnHour = add("Basic", "Default", "l", "").get(0);
    long reviewYesterday = add("Basic", "Default", "y", "").get(0);
    sql("update cards set type = 2, queue = 2, due = ?, ivl = 1 where id = ?", today + 1, reviewTomorrow);
    sql("update cards set type = 1, queue = 1, due = ? where id = ?", now + 3600, learningInAnHour);
    sql("update cards set type = 2, queue = 2, due = ?, ivl = 1 where id = ?", today - 1, reviewYesterday);
    List<Long> ascending = col.read(c -> BrowserTable.search(c, "", Column.DUE, false));
    assertThat(ascending).containsExactly(fresh, reviewYesterday, learningInAnHour, reviewTomorrow);
    List<Long> descending = col.read(c -> BrowserTable.search(c, "", Column.DUE, true));
    assertThat(descending).containsExactly(reviewTomorrow, learningInAnHour, reviewYesterday, fresh);
  }

  @Test
  void columnsAreKnownByAnkisKeys() {
    assertThat(Column.byKey("noteCrt")).contains(Column.NOTE_CREATION);
    assertThat(Column.byKey("question")).isEmpty();
  }
}
