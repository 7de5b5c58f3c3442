package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import ankid.engine.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A collection for queue tests, on a clock the test moves, with Anki's test helpers' shortcuts. */
final class StudyCollection implements AutoCloseable {
  final TestClock clock = new TestClock(Instant.parse("2026-03-10T12:00:00Z"));
  final Collection col;

  StudyCollection(Path dir) {
    col = Collection.open(dir.resolve("collection.anki2"), clock);
  }

  long deck(String name) {
    return col.write(c -> c.decks().idForName(name));
  }

  /** A note of {@code notetype} in {@code deck}; returns its card ids by ordinal. */
  List<Long> add(String notetype, long deck, String... fields) {
    Note note = col.write(c -> {
      Notetype nt = c.notetypes().byName(notetype).orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of(fields), List.of()), deck);
    });
    clock.advanceSeconds(1);
    return col.read(c -> c.notes().cardIds(note.id()));
  }

  /** Gives the deck its own preset: the default one changed by {@code edit}. */
  void preset(long deckId, UnaryOperator<Config.Builder> edit) {
    col.write(c -> {
      Config base = c.deckConfigs().get(DeckConfig.DEFAULT_ID).orElseThrow().config();
      DeckConfig conf = c.deckConfigs().add("p" + deckId, edit.apply(base.toBuilder()).build());
      Deck deck = c.decks().get(deckId).orElseThrow();
      c.decks().setConfigId(deck, conf.id());
      return null;
    });
  }

  /** Changes the default preset (preset 1). */
  void defaultPreset(UnaryOperator<Config.Builder> edit) {
    col.write(c -> {
      DeckConfig d = c.deckConfigs().get(DeckConfig.DEFAULT_ID).orElseThrow();
      c.deckConfigs().put(new DeckConfig(d.id(), d.name(), d.mtimeSecs(), d.usn(),
          edit.apply(d.config().toBuilder()).build()));
      return null;
    });
  }

  void sql(String sql, Object... args) {
    col.write(c -> c.db().exec(sql, args));
  }

  long today() {
    return col.read(c -> c.timing().daysElapsed());
  }

  @Override
  public void close() {
    col.close();
  }
}
