package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
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

/** The Add screen's starting deck and notetype (rslib adding.rs, defaults_for_adding). */
class AddingDefaultsTest {
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

  private long notetype(String name) {
    return col.read(c -> c.notetypes().byName(name).orElseThrow().id());
  }

  private void addTo(String notetype, long deck) {
    col.write(c -> {
      Notetype nt = c.notetypes().byName(notetype).orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of("{{c1::x}}", ""), List.of()), deck);
    });
  }

  private AddingDefaults.DeckAndNotetype defaults() {
    return col.read(c -> AddingDefaults.forAdding(c, 0));
  }

  @Test
  void aNewCollectionAddsBasicNotesToDefault() {
    assertThat(defaults()).isEqualTo(new AddingDefaults.DeckAndNotetype(1, notetype("Basic")));
  }

  @Test
  void theCurrentDeckBringsTheNotetypeLastUsedWithIt() {
    long lang = col.write(c -> c.decks().idForName("Lang"));
    addTo("Cloze", lang);
    addTo("Basic", 1);
    col.write(c -> {
      c.decks().select(lang);
      return null;
    });
    assertThat(defaults()).isEqualTo(new AddingDefaults.DeckAndNotetype(lang, notetype("Cloze")));
  }

  @Test
  void withoutAddingToTheCurrentDeckTheCurrentNotetypeBringsItsLastDeck() {
    long lang = col.write(c -> c.decks().idForName("Lang"));
    addTo("Cloze", lang);
    col.write(c -> {
      c.config().set("addToCur", false);
      return null;
    });
    assertThat(defaults()).isEqualTo(new AddingDefaults.DeckAndNotetype(lang, notetype("Cloze")));
  }
}
