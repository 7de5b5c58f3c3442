package ankid.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ankid's client against ankid's server side, in one process: the merge rules of a normal sync. */
class NormalSyncTest {
  @TempDir Path tmp;
  Collection server;
  Collection client;
  InProcessServer api;

  /**
   * Both devices' time, a millisecond later at every reading: sync compares modification times, so
   * two changes made within one millisecond of each other would look like no change (as in Anki).
   */
  static final class TickingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @BeforeEach
  void open() {
    Clock clock = new TickingClock();
    server = Collection.open(tmp.resolve("server/collection.anki2"), clock);
    client = Collection.open(tmp.resolve("client/collection.anki2"), clock);
    api = new InProcessServer(server);
    addNote(client, "first");
    assertThat(sync()).isEqualTo(SyncRequired.FULL_UPLOAD);
    FullSync.upload(client, api);
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private SyncRequired sync() {
    return new NormalSyncer(client, api, ankid.engine.Progress.NONE).sync().required();
  }

  private static Note addNote(Collection col, String front) {
    return col.write(c -> {
      Notetype nt = c.notetypes().byName("Basic").orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of(front, "back"), List.of("t")), 1);
    });
  }

  private static long count(Collection col, String sql) {
    return col.read(c -> c.db().queryLong(sql, 0));
  }

  private static long modified(Collection col) {
    return col.read(c -> c.colTable().timestamps().modified());
  }

  private static List<String> fronts(Collection col) {
    return col.read(c -> c.db().query("select sfld from notes order by id", rs -> rs.getString(1)));
  }

  @Test
  void aFullUploadLeavesBothSidesAlike() {
    assertThat(fronts(server)).containsExactly("first");
    assertThat(modified(server)).isEqualTo(modified(client));
  }

  @Test
  void notesAddedOnEitherSideReachTheOther() {
    addNote(client, "from client");
    addNote(server, "from server");
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(fronts(server)).containsExactlyInAnyOrder("first", "from client", "from server");
    assertThat(fronts(client)).containsExactlyInAnyOrder("first", "from client", "from server");
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(count(client, "select count() from notes where usn = -1")).isZero();
  }

  @Test
  void deletionsTravelBothWays() {
    Note a = addNote(client, "a");
    Note b = addNote(client, "b");
    sync();
    client.write(c -> { c.notes().delete(List.of(a.id())); return null; });
    server.write(c -> { c.notes().delete(List.of(b.id())); return null; });
    sync();
    assertThat(fronts(server)).containsExactly("first");
    assertThat(fronts(client)).containsExactly("first");
    assertThat(count(client, "select count() from cards")).isEqualTo(1);
  }

  @Test
  void aSchemaChangeOnOneSideNeedsAFullSync() {
    client.write(c -> { c.markSchemaModified(); return null; });
    assertThat(sync()).isEqualTo(SyncRequired.FULL_SYNC);
  }

  @Test
  void aFullDownloadReplacesTheClientsCollection() {
    addNote(server, "server only");
    server.write(c -> { c.markSchemaModified(); return null; });
    assertThat(sync()).isEqualTo(SyncRequired.FULL_SYNC);
    FullSync.download(client, api);
    assertThat(fronts(client)).containsExactly("first", "server only");
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
  }

  @Test
  void anAbortedSyncChangesNothingOnTheServer() {
    addNote(client, "never arrives");
    long before = modified(server);
    SyncServerApi failing = new FailingAt(api);
    assertThatThrownBy(() -> new NormalSyncer(client, failing, ankid.engine.Progress.NONE).sync())
        .isInstanceOf(SyncException.class);
    assertThat(fronts(server)).containsExactly("first");
    assertThat(modified(server)).isEqualTo(before);
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(fronts(server)).containsExactly("first", "never arrives");
  }

  /** Fails at finish, as a client killed after the sanity check would leave things. */
  private static final class FailingAt implements SyncServerApi {
    private final SyncServerApi inner;

    FailingAt(SyncServerApi inner) {
      this.inner = inner;
    }

    public SyncMeta meta() { return inner.meta(); }
    public Deletions start(int u, boolean n) { return inner.start(u, n); }
    public void applyGraves(Deletions c) { inner.applyGraves(c); }
    public UnchunkedChanges applyChanges(UnchunkedChanges c) { return inner.applyChanges(c); }
    public Chunk chunk() { return inner.chunk(); }
    public void applyChunk(Chunk c) { inner.applyChunk(c); }
    public ServerSync.SanityCheck sanityCheck(SanityCounts c) { return inner.sanityCheck(c); }
    public long finish() { throw new SyncException(SyncException.Kind.NETWORK, "connection lost"); }
    public void abort() { inner.abort(); }
    public void upload(Path f) { inner.upload(f); }
    public void download(Path t) { inner.download(t); }
  }
}
