package ankid.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows the stores keep while a transaction runs never differ from the rows in the file. */
class CachedRowsTest {
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

  private Notetype basic() {
    return col.read(c -> c.notetypes().byName("Basic").orElseThrow());
  }

  private static Notetype renamed(Notetype nt, String name) {
    return new Notetype(nt.id(), name, nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), nt.templates());
  }

  @Test
  void aNotetypeWrittenInTheTransactionIsReadBackAsWritten() {
    Notetype nt = basic();
    String name = col.write(c -> {
      c.notetypes().get(nt.id());
      c.notetypes().store().put(renamed(nt, "Renamed"));
      return c.notetypes().get(nt.id()).orElseThrow().name();
    });
    assertThat(name).isEqualTo("Renamed");
  }

  @Test
  void aRolledBackChangeIsNotReadBack() {
    Notetype nt = basic();
    String name = col.write(c -> {
      c.notetypes().get(nt.id());
      assertThatThrownBy(() -> c.write(inner -> {
        inner.notetypes().store().put(renamed(nt, "Renamed"));
        inner.notetypes().get(nt.id());
        throw new IllegalStateException("undo");
      })).isInstanceOf(IllegalStateException.class);
      return c.notetypes().get(nt.id()).orElseThrow().name();
    });
    assertThat(name).isEqualTo("Basic");
  }

  @Test
  void aRenamedDeckIsFoundByItsNewNameOnly() {
    long id = col.write(c -> c.decks().idForName("Old"));
    col.write(c -> {
      Deck deck = c.decks().byName("Old").orElseThrow();
      c.decks().store().put(deck.withName("New", c.nowSecs()));
      assertThat(c.decks().byName("Old")).isEmpty();
      assertThat(c.decks().byName("New").map(Deck::id)).contains(id);
      return null;
    });
  }

  private long usnOf(String key) {
    return col.read(c -> c.db().queryLong("select usn from config where KEY = ?", 99, key));
  }

  @Test
  void settingAConfigKeyToTheValueItHoldsWritesNothing() {
    col.write(c -> {
      c.config().put("someKey", 5, 0, 0);
      return null;
    });
    col.write(c -> {
      c.config().set("someKey", 5);
      return null;
    });
    assertThat(usnOf("someKey")).isZero();
  }

  @Test
  void settingAConfigKeyToAnotherValueMarksItForSync() {
    col.write(c -> {
      c.config().put("someKey", 5, 0, 0);
      c.config().set("someKey", 6);
      return null;
    });
    assertThat(usnOf("someKey")).isEqualTo(-1);
    long value = col.read(c -> c.config().getLong("someKey", 0));
    assertThat(value).isEqualTo(6);
  }

  @Test
  void aConfigValueReadThenSetInTheSameTransactionIsReadBackAsSet() {
    long value = col.write(c -> {
      c.config().set("nextPos", 7L);
      long before = c.config().getLong("nextPos", 0);
      c.config().set("nextPos", before + 1);
      return c.config().getLong("nextPos", 0);
    });
    assertThat(value).isEqualTo(8);
  }

  @Test
  void aConfigValueRolledBackIsNotReadBack() {
    col.write(c -> {
      c.config().set("someKey", true);
      return null;
    });
    assertThatThrownBy(() -> col.write(c -> {
      c.config().set("someKey", false);
      assertThat(c.config().getBool("someKey", true)).isFalse();
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    boolean value = col.read(c -> c.config().getBool("someKey", false));
    assertThat(value).isTrue();
  }

  @Test
  void aConfigValueChangedInTheFileIsReadAgainByTheNextTransaction() {
    col.write(c -> {
      c.config().set("someKey", 1L);
      return c.config().getLong("someKey", 0);
    });
    col.write(c -> c.db().exec("update config set val = cast('2' as blob) where KEY = 'someKey'"));
    long value = col.read(c -> c.config().getLong("someKey", 0));
    assertThat(value).isEqualTo(2);
  }

  @Test
  void aConfigValueHandedOutIsTheCallersCopy() {
    col.write(c -> {
      c.config().set("someKey", java.util.Map.of("a", 1));
      return null;
    });
    col.read(c -> {
      ((com.fasterxml.jackson.databind.node.ObjectNode) c.config().get("someKey")).put("a", 2);
      return null;
    });
    int value = col.read(c -> c.config().get("someKey").get("a").asInt());
    assertThat(value).isEqualTo(1);
  }

  @Test
  void numbersAreStoredAsJacksonWritesThem() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (Object n : new Object[] {0L, -1L, 1234567890123L, Long.MIN_VALUE, Long.MAX_VALUE, 42, Integer.MIN_VALUE}) {
      byte[] stored = col.write(c -> {
        c.config().set("n", n);
        return c.db().queryOne("select val from config where KEY = 'n'", rs -> rs.getBytes(1)).orElseThrow();
      });
      assertThat(stored).isEqualTo(json.writeValueAsBytes(n));
    }
  }

  @Test
  void aTagLookedUpBeforeItIsRegisteredIsFoundAfterwards() {
    var found = col.write(c -> {
      assertThat(c.tags().store().get("Verb::Irregular")).isEmpty();
      c.tags().store().register("verb::irregular", -1, false);
      return c.tags().store().get("Verb::Irregular");
    });
    assertThat(found).contains("verb::irregular");
  }

  @Test
  void aTagDeletedOrRolledBackIsNotFound() {
    col.write(c -> {
      c.tags().store().register("kept", -1, false);
      c.tags().store().register("gone", -1, false);
      assertThat(c.tags().store().get("GONE")).contains("gone");
      c.tags().store().delete("gone");
      assertThat(c.tags().store().get("GONE")).isEmpty();
      return null;
    });
    assertThatThrownBy(() -> col.write(c -> {
      c.tags().store().register("Rolled", -1, false);
      assertThat(c.tags().store().get("rolled")).contains("Rolled");
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");
    var after = col.read(c -> c.tags().store().get("rolled"));
    assertThat(after).isEmpty();
    var kept = col.read(c -> c.tags().store().get("KEPT"));
    assertThat(kept).contains("kept");
  }

  @Test
  void noRowOfAReplacedFileIsKept() throws Exception {
    java.nio.file.Path other = dir.resolve("other.anki2");
    Collection.open(other, CLOCK).close();
    var cache = col.read(c -> {
      var rows = c.db().<Long, String>newRowCache();
      rows.put(1L, "from the old file");
      return rows;
    });
    col.replaceFile(other);
    assertThat(cache.get(1L, id -> "read again")).isEqualTo("read again");
  }
}
