package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.server.TestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CollectionTargetTest {
  @TempDir Path base;

  private ProfileOptions options(String... args) {
    ProfileOptions o = new ProfileOptions();
    String[] all = new String[args.length + 2];
    all[0] = "--base";
    all[1] = base.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    new CommandLine(o).parseArgs(all);
    return o;
  }

  @Test
  void opensTheCollectionHereWhenNoServerHoldsIt() {
    try (CollectionTarget target = CollectionTarget.open(options(), true)) {
      assertThat(target).isInstanceOf(CollectionTarget.Local.class);
      assertThat(((CollectionTarget.Local) target).collection().path())
          .isEqualTo(base.resolve("User 1").resolve("collection.anki2"));
    }
  }

  @Test
  void asksTheServerThatPublishedItselfForTheProfile() throws Exception {
    try (TestServer server = new TestServer(base)) {
      RunningServer.publish(base.resolve("User 1"), server.uri(), null);
      try (CollectionTarget target = CollectionTarget.open(options(), true)) {
        assertThat(target).isInstanceOf(CollectionTarget.Remote.class);
        assertThat(((CollectionTarget.Remote) target).client().call("deckNames", null).toString())
            .isEqualTo("[\"Default\"]");
      }
    }
  }

  @Test
  void ignoresTheRecordOfAServerThatNoLongerAnswers() throws Exception {
    RunningServer.publish(base.resolve("User 1"), URI.create("http://127.0.0.1:9/"), null);
    try (CollectionTarget target = CollectionTarget.open(options(), true)) {
      assertThat(target).isInstanceOf(CollectionTarget.Local.class);
    }
  }

  @Test
  void reportsACollectionHeldByAProgramItCannotAsk() {
    Path file = base.resolve("User 1").resolve("collection.anki2");
    try (Collection held = Collection.open(file, Clock.systemUTC())) {
      assertThatThrownBy(() -> CollectionTarget.open(options(), true))
          .isInstanceOfSatisfying(CliFailure.class, f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.IN_USE))
          .hasMessageContaining("in use by another program");
    }
  }

  @Test
  void refusesToInventACollectionWhenAskedNotTo() {
    assertThatThrownBy(() -> CollectionTarget.open(options("--profile", "Nobody"), false))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("no collection at");
    assertThat(Files.exists(base.resolve("Nobody"))).isFalse();
  }

  @Test
  void readsTheConfigFileOfTheBaseFolder() throws Exception {
    Files.writeString(base.resolve("ankid.json"), """
        {"apiKey": "secret", "webBindPort": 9999}
        """);
    assertThat(options().serverConfig().webBindPort()).isEqualTo(9999);
    assertThat(options().serverConfig().apiKey().asText()).isEqualTo("secret");
  }
}
