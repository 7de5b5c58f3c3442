package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Profiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningServerTest {
  @TempDir Path base;

  @Test
  void recordRoundTripsUrlAndConfig() throws Exception {
    Path folder = base.resolve("User 1");
    RunningServer.publish(folder, URI.create("http://127.0.0.1:8765/"), base.resolve("ankid.json"));
    RunningServer r = RunningServer.read(folder).orElseThrow();
    assertThat(r.url()).isEqualTo(URI.create("http://127.0.0.1:8765/"));
    assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(r.config()).isEqualTo(base.resolve("ankid.json").toAbsolutePath());
  }

  @Test
  void withdrawingRemovesOnlyThisProcesssRecord() throws Exception {
    Path folder = base.resolve("User 1");
    RunningServer.publish(folder, URI.create("http://127.0.0.1:8765/"), null);
    RunningServer.withdraw(folder);
    assertThat(RunningServer.read(folder)).isEmpty();
  }

  @Test
  void profilesTellListenersWhichCollectionIsOpen() {
    StringBuilder events = new StringBuilder();
    try (Profiles profiles = new Profiles(base, Clock.systemUTC())) {
      profiles.addListener(new Profiles.Listener() {
        @Override
        public void opened(String profile, Path folder) {
          events.append("open ").append(profile).append(';');
        }

        @Override
        public void closed(String profile, Path folder) {
          events.append("close ").append(profile).append(';');
        }
      });
      profiles.open("A");
      profiles.open("B");
    }
    assertThat(events).hasToString("open A;close A;open B;close B;");
  }
}
