package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * findCards/findNotes over HTTP ({@code plugin/__init__.py, AnkiConnect.findCards, findNotes}) on
 * a real Anki 25 collection, checked against the real engine on a copy of the same file.
 */
@ExtendWith(TestServerExtension.class)
class SearchActionsTest {
  private Path reference;

  @BeforeEach
  void spanishCollection(TestServer server) throws Exception {
    Path profile = server.base().resolve("User 1");
    SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", profile);
    reference = Files.copy(profile.resolve(Profiles.COLLECTION_FILE), server.base().resolve("reference.anki2"));
  }

  private static String query(String q) {
    return """
        {"query": %s}
        """.formatted(new TextNode(q));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "deck:*", "is:review", "is:suspended", "tag:*", "-is:new prop:ivl>30", "\"a*\"", "front:*o*"})
  void findCardsAndFindNotesAgreeWithAnki(String q, TestServer server) throws Exception {
    assertThat(ids(server.result("findCards", query(q))))
        .as("findCards %s", q).isEqualTo(ids(Oracle.run("search", reference.toString(), q).ok().get("ids")));
    assertThat(ids(server.result("findNotes", query(q))))
        .as("findNotes %s", q).isEqualTo(ids(Oracle.run("search", reference.toString(), q, "--notes").ok().get("ids")));
  }

  @Test
  void findCardsWithoutAQueryFindsNothing(TestServer server) throws Exception {
    assertThat(server.result("findCards", "{}")).isEmpty();
  }

  @Test
  void theEmptyQueryFindsEveryCard(TestServer server) throws Exception {
    assertThat(server.result("findCards", query("")).size()).isEqualTo(2887);
  }

  @Test
  void anUnclosedGroupIsAnInvalidSearch(TestServer server) throws Exception {
    assertThat(server.error("findCards", query("deck:("))).startsWith("Invalid search:");
  }

  @Test
  void anUnknownStateIsAnInvalidSearch(TestServer server) throws Exception {
    assertThat(server.error("findNotes", query("is:nonsense"))).startsWith("Invalid search:");
  }

  @Test
  void anInvalidRegexFailsOnlyWhenANoteReachesIt(TestServer server) throws Exception {
    assertThat(server.error("findCards", query("re:a\\l"))).startsWith("<pre>regex parse error:");
    assertThat(server.result("findCards", query("nid:1 re:a\\l"))).isEmpty();
    assertThat(server.result("findCards", query("re:a")).size()).isPositive();
  }

  private static Set<Long> ids(JsonNode arr) {
    Set<Long> out = new HashSet<>();
    arr.forEach(n -> out.add(n.asLong()));
    return out;
  }
}
