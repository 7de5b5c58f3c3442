package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.backup.PendingBackup;
import ankid.engine.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Periodic backups while the server runs: each look makes a backup when the collection changed and
 * the newest file in the folder is older than the minimum interval; requests go on meanwhile.
 */
class BackupTimerTest {
  @TempDir Path base;
  /** Just after the real time, which the folder's files are created at. */
  final TestClock clock = new TestClock(Instant.now().plusSeconds(60), ZoneId.systemDefault());
  TestServer server;
  BackupTimer timer;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(base, ServerConfig.defaults(), clock);
    // the test looks itself instead of waiting five minutes
    timer = BackupTimer.start(server.profiles(), Duration.ofDays(1));
  }

  @AfterEach
  void stop() throws Exception {
    timer.close();
    server.close();
  }

  private long backups() throws Exception {
    Path folder = base.resolve("User 1").resolve("backups");
    if (!Files.isDirectory(folder)) return 0;
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().startsWith("backup-")).count();
    }
  }

  private void lookAndWait() {
    timer.tick();
    server.collection().backups().awaitCompletion();
  }

  private void change(String deck) throws Exception {
    server.result("createDeck", "{\"deck\": \"" + deck + "\"}");
  }

  @Test
  void aChangedCollectionIsBackedUpAtTheNextLook() throws Exception {
    change("A");

    lookAndWait();

    assertThat(backups()).isEqualTo(1);
  }

  @Test
  void theNextBackupWaitsForTheMinimumIntervalAndAChange() throws Exception {
    change("A");
    lookAndWait();
    clock.advance(Duration.ofMinutes(20));
    change("B");
    lookAndWait();
    assertThat(backups()).as("20 minutes after the last").isEqualTo(1);

    clock.advance(Duration.ofMinutes(11));
    lookAndWait();
    assertThat(backups()).as("31 minutes after the last").isEqualTo(2);

    clock.advance(Duration.ofMinutes(31));
    lookAndWait();
    assertThat(backups()).as("nothing changed since").isEqualTo(2);
  }

  @Test
  void requestsAreAnsweredWhileABackupIsWritten() throws Exception {
    Collection col = server.collection();
    // 20,000 notes with 3 kB fields: the copy is quick, compressing 60 MB is not
    col.write(c -> c.db().exec("with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)"
        + " insert into notes select 1000000 + i, 'g' || i, (select id from notetypes where name = 'Basic'), 0, -1,"
        + " '', hex(randomblob(1500)) || char(31), 'x', 0, 0, '' from n"));

    PendingBackup pending = col.backups().maybeBackup(false).orElseThrow();
    long decks = server.result("deckNames", "{}").size();

    assertThat(pending.written()).as("still being written when deckNames was answered").isNotDone();
    assertThat(decks).isEqualTo(1);
    assertThat(pending.await()).isRegularFile();
  }
}
