package ankid.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.deck.Deck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Collection#transact}: one request, one transaction, begun at its first write. */
class TransactTest {
  @TempDir Path tmp;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(tmp.resolve("collection.anki2"), Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    col.close();
  }

  private boolean hasDeck(String name) {
    return col.read(c -> c.decks().byName(name).isPresent());
  }

  @Test
  void aRequestThatOnlyReadsBeginsNoTransaction() {
    boolean inTransaction = col.transact(c -> {
      c.decks().all();
      return c.inTransaction();
    });
    assertThat(inTransaction).isFalse();
  }

  @Test
  void theTransactionBeginsAtTheFirstWriteAndLastsToTheEnd() {
    boolean[] seen = new boolean[2];
    col.transact(c -> {
      seen[0] = c.inTransaction();
      c.write(w -> w.decks().idForName("one"));
      seen[1] = c.inTransaction();
      return null;
    });
    assertThat(seen).containsExactly(false, true);
    assertThat(col.inTransaction()).isFalse();
    assertThat(hasDeck("one")).isTrue();
  }

  @Test
  void aFailingRequestLeavesNoneOfItsWrites() {
    assertThatThrownBy(() -> col.transact(c -> {
      c.write(w -> w.decks().idForName("one"));
      c.write(w -> w.decks().idForName("two"));
      throw new IllegalArgumentException("bad item");
    })).hasMessage("bad item");
    assertThat(hasDeck("one")).isFalse();
    assertThat(hasDeck("two")).isFalse();
  }

  @Test
  void aFailingNestedScopeRollsBackOnlyItself() {
    col.transact(c -> {
      c.transact(a -> a.write(w -> w.decks().idForName("kept")));
      try {
        c.transact(b -> {
          b.write(w -> w.decks().idForName("undone"));
          throw new IllegalArgumentException("sub-action failed");
        });
      } catch (IllegalArgumentException expected) {
        // as multi reports it and goes on
      }
      c.transact(a -> a.write(w -> w.decks().idForName("after")));
      return null;
    });
    assertThat(hasDeck("kept")).isTrue();
    assertThat(hasDeck("undone")).isFalse();
    assertThat(hasDeck("after")).isTrue();
  }

  @Test
  void aNestedScopeThatFailsBeforeAnyWriteLeavesEarlierWritesAlone() {
    col.transact(c -> {
      c.write(w -> w.decks().idForName("kept"));
      try {
        c.transact(b -> {
          throw new IllegalArgumentException("bad params");
        });
      } catch (IllegalArgumentException expected) {
        // reported, nothing to undo
      }
      return null;
    });
    assertThat(hasDeck("kept")).isTrue();
  }

  @Test
  void everyRowOfOneRequestCarriesTheSameTimeAndColModIsBumpedOnce() {
    col.transact(c -> {
      c.write(w -> w.decks().idForName("one"));
      c.write(w -> w.decks().idForName("two"));
      return null;
    });
    long mod = col.read(c -> c.db().queryLong("select mod from col", 0));
    assertThat(mod).isEqualTo(1_700_000_000_000L);
    long deckMtime = col.read(c -> c.decks().byName("two").map(Deck::mtimeSecs).orElseThrow());
    assertThat(deckMtime).isEqualTo(1_700_000_000L);
  }

  @Test
  void theCollectionCannotBeClosedUnderAnOpenTransaction() {
    assertThatThrownBy(() -> col.transact(c -> {
      c.write(w -> w.decks().idForName("one"));
      c.close();
      return null;
    })).isInstanceOf(IllegalStateException.class);
    assertThat(hasDeck("one")).isFalse();
  }
}
