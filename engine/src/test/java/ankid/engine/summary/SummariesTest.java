package ankid.engine.summary;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummariesTest {
  @TempDir Path tmp;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(tmp.resolve("collection.anki2"), Clock.fixed(Instant.ofEpochSecond(1_800_000_000), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    col.close();
  }

  private Note add(String deck, String front) {
    return col.write(c -> {
      Notetype nt = c.notetypes().byName("Basic (and reversed card)").orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of(front, "back"), List.of()), c.decks().idForName(deck));
    });
  }

  @Test
  void notesShowTheirNotetypeAndSortFieldWithoutHtml() {
    Note note = add("French", "<b>le   chat</b>");
    List<NoteLine> lines = col.read(c -> c.summaries().notes(List.of(note.id(), 42L)));
    assertThat(lines).containsExactly(new NoteLine(note.id(), "Basic (and reversed card)", "le chat"));
  }

  @Test
  void cardsShowTheirTemplateDeckAndState() {
    Note note = add("French::Verbs", "être");
    List<Long> cards = col.read(c -> c.notes().cardIds(note.id()));
    col.write(c -> {
      c.scheduling().suspend(List.of(cards.get(1)));
      return null;
    });
    List<CardLine> lines = col.read(c -> c.summaries().cards(cards));
    assertThat(lines).containsExactly(
        new CardLine(cards.get(0), note.id(), "être", "Card 1", "French::Verbs", "new"),
        new CardLine(cards.get(1), note.id(), "être", "Card 2", "French::Verbs", "suspended"));
  }

  @Test
  void longSortFieldsAreCut() {
    Note note = add("Default", "x".repeat(200));
    List<NoteLine> lines = col.read(c -> c.summaries().notes(List.of(note.id())));
    assertThat(lines.get(0).sortField()).hasSize(Summaries.TEXT_LIMIT).endsWith("…");
  }
}
