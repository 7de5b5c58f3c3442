package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findCards/findNotes over HTTP on a real Anki 25 collection, checked against the real engine. */
class SearchActionsTest {
  @TempDir Path tmp;

  @Test
  void findCardsAndFindNotesAgreeWithAnkiOnTheFixture() throws Exception {
    Path profile = tmp.resolve("base").resolve("User 1");
    SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", profile);
    Path reference = Files.copy(profile.resolve("collection.anki2"), tmp.resolve("reference.anki2"));
    String[] queries = {"", "deck:*", "is:review", "is:suspended", "tag:*", "-is:new prop:ivl>30", "\"a*\"", "front:*o*"};
    try (TestServer server = new TestServer(tmp.resolve("base"))) {
      for (String q : queries) {
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(q);
        assertThat(ids(server.result("findCards", "{\"query\":" + quoted + "}")))
            .as("findCards %s", q).isEqualTo(ids(Oracle.run("search", reference.toString(), q).ok().get("ids")));
        assertThat(ids(server.result("findNotes", "{\"query\":" + quoted + "}")))
            .as("findNotes %s", q)
            .isEqualTo(ids(Oracle.run("search", reference.toString(), q, "--notes").ok().get("ids")));
      }
      assertThat(server.result("findCards", "{}")).isEmpty();
      assertThat(server.result("findCards", "{\"query\":\"\"}").size()).isEqualTo(2887);
      assertThat(server.error("findCards", "{\"query\":\"deck:(\"}")).startsWith("Invalid search:");
      assertThat(server.error("findNotes", "{\"query\":\"is:nonsense\"}")).startsWith("Invalid search:");
      // as in Anki, an invalid regex fails only when a note reaches it
      assertThat(server.error("findCards", "{\"query\":\"re:a\\\\l\"}")).startsWith("<pre>regex parse error:");
      assertThat(server.result("findCards", "{\"query\":\"nid:1 re:a\\\\l\"}")).isEmpty();
      assertThat(server.result("findCards", "{\"query\":\"re:a\"}").size()).isPositive();
    }
  }

  private static Set<Long> ids(JsonNode arr) {
    Set<Long> out = new HashSet<>();
    arr.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
