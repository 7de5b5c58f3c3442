package ankid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionDocsTest {
  @TempDir Path dir;

  @Test
  void everyActionIsDescribedAndEveryDescriptionIsAnAction() {
    Api api = new Api(ServerConfig.defaults(), new Profiles(dir, Clock.systemUTC()));
    assertThat(ActionDocs.load().names())
        .as("describe each action in server/src/main/resources/ankid/server/api/actions.md")
        .containsExactlyInAnyOrderElementsOf(api.registry().names());
  }

  @Test
  void aSectionRunsToTheNextHeadingAndReadsAsOneParagraph() {
    ActionDocs docs = ActionDocs.parse("""
        # title
        ## a
        First sentence. Second
        line.

        ## b
        Only one.""");
    assertThat(docs.of("a")).hasValue("First sentence. Second line.");
    assertThat(docs.summary("a")).isEqualTo("First sentence.");
    assertThat(docs.summary("b")).isEqualTo("Only one.");
    assertThat(docs.of("c")).isEmpty();
  }
}
