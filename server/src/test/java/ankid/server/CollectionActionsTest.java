package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ankid's own collection actions over HTTP: checkDatabase answers with what it fixed. */
@ExtendWith(TestServerExtension.class)
class CollectionActionsTest {

  @Test
  void checkDatabaseAnswersWithTheProblemsItFixed(TestServer server) throws Exception {
    BrokenProfiles.cardWithoutNote(server.base());

    assertThat(server.result("checkDatabase", "{}")).isEqualTo(json("""
        {"problems": ["Deleted 1 card with missing note."]}
        """));
    assertThat(server.result("checkDatabase", "{}")).isEqualTo(json("""
        {"problems": []}
        """));
  }
}
