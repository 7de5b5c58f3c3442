package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
  @TempDir Path base;

  @Test
  void workOnAPinnedCollectionFinishesWhileAProfileSwitchWaitsForIt() throws Exception {
    try (Profiles profiles = new Profiles(base, Clock.systemUTC())) {
      profiles.open("Other");
      profiles.open("User 1");
      Collection first = profiles.collection();
      CountDownLatch inWrite = new CountDownLatch(1);
      CountDownLatch switchWaiting = new CountDownLatch(1);
      CompletableFuture<Collection> work = CompletableFuture.supplyAsync(() -> profiles.withCollection(col ->
          col.write(c -> {
            inWrite.countDown();
            await(switchWaiting);
            return profiles.collection(); // as an action run ahead by the gate looks it up again
          })));
      inWrite.await();
      Thread switcher = new Thread(() -> profiles.open("Other"));
      switcher.start();
      // The switch holds the profiles' lock and waits for the collection's, which the work holds.
      while (switcher.getState() != Thread.State.WAITING) Thread.sleep(10);
      switchWaiting.countDown();
      assertThat(work.get(10, TimeUnit.SECONDS)).isSameAs(first);
      switcher.join(10_000);
      assertThat(profiles.active()).isEqualTo("Other");
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
