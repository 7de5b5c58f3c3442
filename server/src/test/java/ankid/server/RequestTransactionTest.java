package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request is one transaction: a failing request changes nothing, and in {@code multi} each
 * action keeps its own outcome (a savepoint), as AnkiConnect runs them one by one.
 */
@ExtendWith(TestServerExtension.class)
class RequestTransactionTest {

  private static long colMod(TestServer server) {
    return server.collection().read(c -> c.db().queryLong("select mod from col", 0));
  }

  private static long addNote(TestServer server, String front) throws Exception {
    return server.result("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "%s", "Back": "b"}}}
        """.formatted(front)).asLong();
  }

  private static long firstCard(TestServer server, long note) throws Exception {
    return server.result("findCards", """
        {"query": "nid:%d"}
        """.formatted(note)).get(0).asLong();
  }

  @Test
  void aMultiActionThatFailsHalfwayUndoesOnlyItself(TestServer server) throws Exception {
    long card = firstCard(server, addNote(server, "answered then undone"));
    // the answers write the first card, then fail on the item without an ease
    assertThat(json(server.post("""
        {"action": "multi", "version": 6, "params": {"actions": [
          {"action": "createDeck", "params": {"deck": "Before"}},
          {"action": "answerCards", "params": {"answers": [{"cardId": %d, "ease": 3}, {"cardId": %d}]}},
          {"action": "createDeck", "params": {"deck": "After"}}
        ]}}
        """.formatted(card, card)).body()).get("result").get(1)).isEqualTo(json("""
        {"result": null, "error": "'ease'"}
        """));
    assertThat(server.result("deckNames", "{}")).contains(json("\"Before\""), json("\"After\""));
    assertThat(server.result("getReviewsOfCards", """
        {"cards": [%d]}
        """.formatted(card)).get(String.valueOf(card))).isEmpty();
  }

  @Test
  void aFailingRequestChangesNothing(TestServer server) throws Exception {
    long card = firstCard(server, addNote(server, "not answered"));
    assertThat(server.error("answerCards", """
        {"answers": [{"cardId": %d, "ease": 3}, {"ease": 3}]}
        """.formatted(card))).isEqualTo("'cardId'");
    assertThat(server.result("getReviewsOfCards", """
        {"cards": [%d]}
        """.formatted(card)).get(String.valueOf(card))).isEmpty();
  }

  @Test
  void aRequestThatOnlyReadsLeavesTheCollectionUnmodified(TestServer server) throws Exception {
    addNote(server, "read only");
    long before = colMod(server);
    server.post("""
        {"action": "multi", "params": {"actions": [
          {"action": "deckNames"}, {"action": "findNotes", "params": {"query": "read"}}, {"action": "getTags"}
        ]}}
        """);
    assertThat(colMod(server)).isEqualTo(before);
  }

  @Test
  void aMultiOfWritesStampsEveryRowWithOneTime(TestServer server) throws Exception {
    server.post("""
        {"action": "multi", "params": {"actions": [
          {"action": "createDeck", "params": {"deck": "One"}},
          {"action": "createDeck", "params": {"deck": "Two"}}
        ]}}
        """);
    long stamps = server.collection().read(c -> c.db().queryLong(
        "select count(distinct mtime_secs) from decks where name in ('One', 'Two')", 0));
    assertThat(stamps).isEqualTo(1);
  }
}
