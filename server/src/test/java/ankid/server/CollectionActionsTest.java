package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ankid's own collection actions over HTTP: checkDatabase and createBackup. */
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

  @Test
  void createBackupWritesOneUnlessNothingChanged(TestServer server) throws Exception {
    server.result("createDeck", "{\"deck\": \"Made\"}");

    JsonNode first = server.result("createBackup", "{}");
    JsonNode again = server.result("createBackup", "{}");

    assertThat(first.get("created").asBoolean()).isTrue();
    assertThat(Path.of(first.get("path").asText())).isRegularFile()
        .hasParent(server.base().resolve("User 1").resolve("backups"));
    assertThat(again).isEqualTo(json("""
        {"created": false, "path": "%s"}
        """.formatted(first.get("path").asText())));
  }
}
