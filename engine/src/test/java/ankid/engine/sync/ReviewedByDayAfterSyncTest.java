package ankid.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.stats.Stats.DayCount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews a sync brings in are counted by getNumCardsReviewedByDay, whose answer is otherwise kept. */
class ReviewedByDayAfterSyncTest {
  @TempDir Path tmp;
  Collection server;
  Collection client;
  InProcessServer api;

  @BeforeEach
  void open() {
    NormalSyncTest.TickingClock clock = new NormalSyncTest.TickingClock();
    server = Collection.open(tmp.resolve("server/collection.anki2"), clock);
    client = Collection.open(tmp.resolve("client/collection.anki2"), clock);
    api = new InProcessServer(server);
    client.write(c -> c.notes().add(
        c.notes().draft(c.notetypes().byName("Basic").orElseThrow(), List.of("front", "back"), List.of()), 1L));
    FullSync.upload(client, api);
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private static long reviews(Collection col) {
    return col.read(c -> c.stats().reviewedByDay().stream().mapToLong(DayCount::count).sum());
  }

  private void reviewOnServer() {
    server.write(c -> {
      long cid = c.db().queryLong("select id from cards", 0);
      c.revlog().add(new RevlogEntry(c.nowMillis(), cid, -1, 3, 1, 0, 2500, 1000, 1));
      return null;
    });
  }

  @Test
  void aNormalSyncIsSeen() {
    assertThat(reviews(client)).isZero();
    reviewOnServer();
    new NormalSyncer(client, api, ankid.engine.Progress.NONE).sync();
    assertThat(reviews(client)).isEqualTo(1);
  }

  @Test
  void aFullDownloadIsSeen() {
    assertThat(reviews(client)).isZero();
    reviewOnServer();
    FullSync.download(client, api);
    assertThat(reviews(client)).isEqualTo(1);
  }
}
