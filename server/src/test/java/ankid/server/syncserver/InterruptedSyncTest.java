package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync never shows half of itself: API requests run while a real client's sync is paused in
 * the middle, a client killed mid-way leaves ankid's collection as it was, and changes API
 * requests make during a sync reach the client with the next one.
 */
class InterruptedSyncTest extends OracleSyncTest {
  AnkiClient client;

  @BeforeEach
  void start() throws Exception {
    client = ankiClient("client");
    client.addNotes("{\"notetype\": \"Basic\", \"fields\": [\"base\", \"note\"]}");
    client.sync();
    client.fullUpload();
  }

  /** Pauses the server when a request for {@code path} arrives, until released. */
  private static final class Pause {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    Pause(SyncServerFixture server, String path) {
      server.service.beforeRequest(p -> {
        if (!p.equals(path) || reached.getCount() == 0) return;
        reached.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(60, TimeUnit.SECONDS)).as("the client reached the pause").isTrue();
    }
  }

  /** A client sync in its own process, so it can be killed. */
  private Process syncInBackground() throws Exception {
    return new ProcessBuilder(Oracle.launcher().toString(), "sync", client.file.toString(), "--endpoint",
        server.endpoint(), "--hkey", hostKey(), "--in-place")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("killed-client.log").toFile()).start();
  }

  private String hostKey() {
    return server.users.byName(SyncServerFixture.USER).orElseThrow().hostKey();
  }

  private List<List<Object>> snapshot() {
    return server.collection().read(c -> c.db().query(
        "select 'note', id, mod, usn, flds from notes union all select 'card', id, mod, usn, due from cards"
            + " union all select 'col', mod, scm, usn, ls from col order by 1, 2",
        rs -> List.<Object>of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5))));
  }

  @Test
  void aClientKilledMidSyncLeavesAnkidAsItWas() throws Exception {
    client.addNotes("{\"notetype\": \"Basic\", \"fields\": [\"lost\", \"in transit\"]}");
    List<List<Object>> before = snapshot();
    Pause pause = new Pause(server, "/sync/sanityCheck2");
    Process sync = syncInBackground();
    pause.awaitReached();
    sync.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    pause.release.countDown();
    assertThat(snapshot()).isEqualTo(before);
    server.service.beforeRequest(p -> {});
    // the client's own sync was never committed either; the next one carries the note over
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(server.scalar("select count() from notes")).isEqualTo(2);
    CollectionsAlike.assertAlike(oracle, client.file, server.collection(), tmp.resolve("scratch"));
  }

  @Test
  void apiRequestsRunWhileASyncIsUnderWayAndReachTheClientNextTime() throws Exception {
    client.addNotes("{\"notetype\": \"Basic\", \"fields\": [\"from client\", \"x\"]}");
    JsonNode existing = server.call("findNotes", "{\"query\": \"base\"}");
    Pause pause = new Pause(server, "/sync/applyChunk");
    Process sync = syncInBackground();
    pause.awaitReached();
    // while the client waits for the server, the API reads and writes without waiting
    long added = server.call("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "during sync", "Back": "y"}}}""").asLong();
    server.call("deleteNotes", "{\"notes\": " + existing + "}");
    assertThat(server.call("findNotes", "{\"query\": \"\\\"from client\\\"\"}")).isEmpty();
    pause.release.countDown();
    assertThat(sync.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(sync.exitValue()).as("the paused sync still succeeds").isZero();
    assertThat(server.call("findNotes", "{\"query\": \"\\\"from client\\\"\"}")).hasSize(1);
    server.service.beforeRequest(p -> {});
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(client.scalar("select count() from notes where id = " + added)).isEqualTo(1);
    assertThat(client.rows("select id from notes where id in " + existing.toString().replace('[', '(').replace(']', ')'))).isEmpty();
    CollectionsAlike.assertAlike(oracle, client.file, server.collection(), tmp.resolve("scratch"));
  }
}
