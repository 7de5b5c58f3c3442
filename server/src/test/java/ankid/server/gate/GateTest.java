package ankid.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.TestClock;
import ankid.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confirmation gate over HTTP: what a held request answers, and how its token works. */
class GateTest {
  @TempDir static Path dir;
  static GateFixture fixture;
  @TempDir Path base;
  final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  TestServer server;

  @BeforeAll
  static void buildFixture() throws Exception {
    fixture = new GateFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
  }

  private TestServer start(ConfirmMode mode) throws Exception {
    server = new TestServer(base, ConfirmSettings.of(mode, ConfirmSettings.DEFAULT_EXPIRY), clock);
    fixture.freshCopy(server);
    return server;
  }

  private JsonNode send(String body) throws Exception {
    return GateFixture.parse(server.post(body).body());
  }

  private String deleteBoth() {
    return "{\"action\": \"deleteNotes\", \"version\": 6, \"params\": {\"notes\": [" + fixture.id("etre") + ", "
        + fixture.id("chat") + "]}";
  }

  private static String confirmed(String request, JsonNode held) {
    return request + ", \"confirm\": \"" + held.get("confirm").asText() + "\"}";
  }

  private long count(String query) throws Exception {
    return server.result("findNotes", "{\"query\": \"" + query + "\"}").size();
  }

  private CollectionSnapshot snapshot() {
    return CollectionSnapshot.of(server.collection());
  }

  @Test
  void aHeldDeleteChangesNothingAndSaysWhatItWouldDo() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    CollectionSnapshot before = snapshot();
    JsonNode held = send(deleteBoth() + "}");
    assertThat(held.get("result").isNull()).isTrue();
    assertThat(held.get("error").asText()).isEqualTo("confirmation required: delete 2 notes and their 3 cards");
    JsonNode preview = held.get("preview");
    assertThat(preview.get("changes")).isEqualTo(GateFixture.parse("""
        {"notes": {"deleted": 2}, "cards": {"deleted": 3}}"""));
    assertThat(preview.get("notes").findValuesAsText("text")).containsExactly("être", "chat");
    assertThat(preview.get("decks")).isEqualTo(GateFixture.parse("""
        [{"deck": "French::Verbs", "cards": 2}, {"deck": "French", "cards": 1}]"""));
    assertThat(preview.get("expiresInSeconds").asLong()).isEqualTo(300);
    assertThat(held.get("confirm").asText()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theConfirmedRequestDeletesExactlyWhatThePreviewCounted() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    long notesBefore = count("deck:*");
    long cardsBefore = server.result("findCards", "{\"query\": \"deck:*\"}").size();
    JsonNode held = send(deleteBoth() + "}");
    JsonNode done = send(confirmed(deleteBoth(), held));
    assertThat(done).isEqualTo(GateFixture.parse("""
        {"result": null, "error": null}"""));
    assertThat(notesBefore - count("deck:*")).isEqualTo(held.at("/preview/changes/notes/deleted").asLong());
    assertThat(cardsBefore - server.result("findCards", "{\"query\": \"deck:*\"}").size())
        .isEqualTo(held.at("/preview/changes/cards/deleted").asLong());
  }

  @Test
  void aTokenConfirmsOnlyOnce() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode held = send(deleteBoth() + "}");
    send(confirmed(deleteBoth(), held));
    JsonNode again = send(confirmed(deleteBoth(), held));
    assertThat(again.get("error").asText()).startsWith("confirmation required: ")
        .endsWith("(the confirmation token is not valid (already used, or never issued))");
    assertThat(again.get("confirm").asText()).isNotEqualTo(held.get("confirm").asText());
  }

  @Test
  void aTokenExpires() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode held = send(deleteBoth() + "}");
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    CollectionSnapshot before = snapshot();
    JsonNode late = send(confirmed(deleteBoth(), held));
    assertThat(late.get("error").asText()).endsWith("(the confirmation token has expired)");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aTokenStillWorksJustBeforeItExpires() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode held = send(deleteBoth() + "}");
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(send(confirmed(deleteBoth(), held)).get("error").isNull()).isTrue();
  }

  @Test
  void aTokenConfirmsOnlyTheRequestItWasIssuedFor() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode held = send(deleteBoth() + "}");
    String onlyOne = "{\"action\": \"deleteNotes\", \"version\": 6, \"params\": {\"notes\": [" + fixture.id("etre") + "]}";
    CollectionSnapshot before = snapshot();
    JsonNode changed = send(confirmed(onlyOne, held));
    assertThat(changed.get("error").asText())
        .isEqualTo("confirmation required: delete 1 note and its 2 cards"
            + " (the confirmation token was issued for a different request)");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(send(confirmed(deleteBoth(), held)).get("error").isNull()).isTrue();
  }

  @Test
  void theVersionDoesNotMatterToTheEnvelopeOrTheToken() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    String v4 = "{\"action\": \"deleteNotes\", \"version\": 4, \"params\": {\"notes\": [" + fixture.id("chat") + "]}";
    JsonNode held = send(v4 + "}");
    assertThat(held.fieldNames()).toIterable().containsExactly("result", "error", "preview", "confirm");
    String v6 = v4.replace("\"version\": 4", "\"version\": 6");
    assertThat(send(confirmed(v6, held))).isEqualTo(GateFixture.parse("""
        {"result": null, "error": null}"""));
  }

  @Test
  void aBatchWaitsForOneTokenThatAppliesAllOfIt() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    String batch = """
        {"action": "multi", "version": 6, "params": {"actions": [
          {"action": "deleteNotes", "params": {"notes": [%d]}},
          {"action": "findNotes", "params": {"query": "tag:noun"}},
          {"action": "removeTags", "params": {"notes": [%d], "tags": "noun"}}]}""".formatted(fixture.id("etre"), fixture.id("chat"));
    CollectionSnapshot before = snapshot();
    JsonNode held = send(batch + "}");
    assertThat(held.get("error").asText()).isEqualTo("confirmation required: 2 changes: delete 1 note and its 2 cards;"
        + " remove tag \"noun\" (and its child tags) from 1 note");
    assertThat(held.at("/preview/actions").findValuesAsText("index")).containsExactly("0", "2");
    assertThat(snapshot()).isEqualTo(before);
    JsonNode done = send(confirmed(batch, held));
    assertThat(done.get("result")).isEqualTo(GateFixture.parse("[null, [%d], null]".formatted(fixture.id("chat"))));
    assertThat(count("tag:noun")).isZero();
    assertThat(count("être")).isZero();
  }

  @Test
  void aBatchOfReadsAndSafeChangesIsNotHeld() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode reply = send("""
        {"action": "multi", "version": 6, "params": {"actions": [
          {"action": "deckNames"}, {"action": "createDeck", "params": {"deck": "Spanish"}}]}}""");
    assertThat(reply.has("confirm")).isFalse();
    assertThat(reply.at("/result/1").isIntegralNumber()).isTrue();
  }

  @Test
  void aRequestThatCannotRunGetsItsOwnErrorRatherThanAToken() throws Exception {
    start(ConfirmMode.DESTRUCTIVE);
    JsonNode reply = send("""
        {"action": "deleteDecks", "version": 6, "params": {"decks": ["French"]}}""");
    assertThat(reply).isEqualTo(GateFixture.parse("""
        {"result": null, "error": "Since Anki 2.1.28 it's not possible to delete decks without deleting cards as well"}"""));
    JsonNode badParams = send("""
        {"action": "deleteNotes", "version": 6, "params": {"note": [1]}}""");
    assertThat(badParams.get("error").asText()).isEqualTo("AnkiConnect.deleteNotes() got an unexpected keyword argument 'note'");
  }

  @Test
  void modifyingModeHoldsEveryChangeButNoRead() throws Exception {
    start(ConfirmMode.MODIFYING);
    assertThat(send("""
        {"action": "createDeck", "version": 6, "params": {"deck": "Spanish"}}""").has("confirm")).isTrue();
    assertThat(send("""
        {"action": "findNotes", "version": 6, "params": {"query": "deck:French"}}""").get("result")).hasSize(3);
  }

  @Test
  void offPassesEverythingAsAnkiConnectDoes() throws Exception {
    start(ConfirmMode.OFF);
    assertThat(send(deleteBoth() + "}")).isEqualTo(GateFixture.parse("""
        {"result": null, "error": null}"""));
    assertThat(count("deck:*")).isEqualTo(1);
  }

  @Test
  void aPreviewRequestChangesNothingEvenWithTheGateOff() throws Exception {
    start(ConfirmMode.OFF);
    CollectionSnapshot before = snapshot();
    String request = deleteBoth() + ", \"preview\": true";
    JsonNode held = send(request + "}");
    assertThat(held.get("error").asText()).isEqualTo("confirmation required: delete 2 notes and their 3 cards");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(send(confirmed(deleteBoth(), held)).get("error").isNull()).isTrue();
  }

  @Test
  void aPresentedTokenIsCheckedEvenWithTheGateOff() throws Exception {
    start(ConfirmMode.OFF);
    CollectionSnapshot before = snapshot();
    JsonNode forged = send(deleteBoth() + ", \"confirm\": \"made-up\"}");
    assertThat(forged.get("error").asText()).startsWith("confirmation required: ");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theKeyIsCheckedBeforeAnythingIsPreviewed() throws Exception {
    server = new TestServer(base, ankid.server.ServerConfig.defaults().withApiKey(
        com.fasterxml.jackson.databind.node.TextNode.valueOf("secret")), java.time.Clock.systemDefaultZone());
    JsonNode reply = send("""
        {"action": "deleteNotes", "version": 6, "params": {"notes": [1]}, "preview": true}""");
    assertThat(reply).isEqualTo(GateFixture.parse("""
        {"result": null, "error": "valid api key must be provided"}"""));
  }
}
