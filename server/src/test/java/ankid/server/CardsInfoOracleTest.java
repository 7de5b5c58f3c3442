package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.scheduler.IntervalLabels;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cardsInfo ({@code plugin/__init__.py, AnkiConnect.cardsInfo}) against the real engine: question/answer as {@code render-all} gives them (after
 * Anki's Python steps: the style prefix and sound tags turned into play markers), and
 * nextReviews as {@code states} labels them.
 */
@ExtendWith(TestServerExtension.class)
class CardsInfoOracleTest {
  private static final Pattern SOUND = Pattern.compile("\\[sound:[^\\]]*\\]");

  @Test
  void renderingAndLabelsOfCardsWeBuiltMatchAnki(TestServer server, @TempDir Path tmp) throws Exception {
    OracleCollection col = OracleCollection.create(tmp, """
        {"notetype": "Basic", "fields": ["hello <b>world</b> [sound:hi.mp3]", "bonjour [sound:b.mp3]"], "tags": ["t1", "t2"]}""", """
        {"notetype": "Basic (and reversed card)", "deck": "Lang::French", "fields": ["cat", "chat"]}""", """
        {"notetype": "Basic (optional reversed card)", "deck": "Lang", "fields": ["dog", "chien", "y"]}""", """
        {"notetype": "Basic (type in the answer)", "fields": ["sun", "soleil"]}""", """
        {"notetype": "Cloze", "deck": "Lang", "fields": ["El {{c1::niño}} come {{c2::pan::food}}", "x"]}""", """
        {"notetype": "Cloze", "fields": ["{{c1::outer {{c2::inner}} end}} and {{c3::a}}{{c3::b::hint}}", ""]}""")
        // card 0 learning, 1 review, 2 relearning (easy then again), 3 new
        .answer(0, 3).answer(1, 4).answer(2, 4).answer(2, 1);
    col.installIn(server.base());
    Map<Long, JsonNode> rendered = renderAll(col.file);
    try (Oracle.Batch oracle = Oracle.batch()) {
      JsonNode infos = server.result("cardsInfo", """
          {"cards": %s}
          """.formatted(col.cardIds));
      assertThat(infos).hasSize(col.cardIds.size());
      for (JsonNode info : infos) {
        assertRendersLikeAnki(info, rendered.get(info.get("cardId").asLong()));
        JsonNode states = oracle.call("states", col.file.toString(), info.get("cardId").asText()).ok();
        assertThat(info.get("nextReviews")).as("nextReviews of %s", info.get("cardId")).isEqualTo(currentAnkiLabels(states));
      }
      assertThat(infos.get(0).get("question").asText()).endsWith("hello <b>world</b> [anki:play:q:0]");
    }
  }

  @Test
  void everyFixtureCardRendersLikeAnkiAndReviewLabelsAgree(TestServer server) throws Exception {
    Path profile = server.base().resolve("User 1");
    SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", profile);
    Path reference = Files.copy(profile.resolve(Profiles.COLLECTION_FILE), server.base().resolve("reference.anki2"));
    Map<Long, JsonNode> rendered = renderAll(reference);
    List<Long> ids = new ArrayList<>(rendered.keySet());
    try (Oracle.Batch oracle = Oracle.batch()) {
      long start = System.nanoTime();
      JsonNode first = server.result("cardsInfo", cards(ids.subList(0, 1000)));
      System.out.printf("cardsInfo for 1,000 cards in one request: %d ms%n", (System.nanoTime() - start) / 1_000_000);
      assertThat(first).hasSize(1000);
      start = System.nanoTime();
      server.result("cardsInfo", cards(ids.subList(1000, 2000)));
      System.out.printf("cardsInfo for the next 1,000 cards (warm): %d ms%n", (System.nanoTime() - start) / 1_000_000);
      JsonNode all = server.result("cardsInfo", cards(ids));
      for (JsonNode info : all) assertRendersLikeAnki(info, rendered.get(info.get("cardId").asLong()));
      // new, suspended, learning and review cards of a real study history, one in 50
      for (int i = 0; i < all.size(); i += 50) {
        JsonNode info = all.get(i);
        JsonNode states = oracle.call("states", reference.toString(), info.get("cardId").asText()).ok();
        assertThat(info.get("nextReviews")).as("nextReviews of %s", info.get("cardId")).isEqualTo(currentAnkiLabels(states));
      }
    }
  }

  private static String cards(List<Long> ids) {
    return """
        {"cards": %s}
        """.formatted(ids);
  }

  private static Map<Long, JsonNode> renderAll(Path file) {
    Map<Long, JsonNode> out = new java.util.LinkedHashMap<>();
    JsonNode lines = Oracle.run("render-all", file.toString()).ok();
    if (lines.isArray()) lines.forEach(l -> out.put(l.get("id").asLong(), l));
    else out.put(lines.get("id").asLong(), lines);
    return out;
  }

  private static void assertRendersLikeAnki(JsonNode info, JsonNode oracle) {
    String style = "<style>" + info.get("css").asText() + "</style>";
    String id = info.get("cardId").asText();
    assertThat(oracle.has("error")).as("oracle rendering of %s", id).isFalse();
    assertThat(info.get("question").asText()).as("question of %s", id)
        .isEqualTo(style + playMarkers(oracle.get("question").asText(), "q"));
    // {{FrontSide}} brings the finished question, markers included; the answer numbers its own
    String question = oracle.get("question").asText();
    String answer = oracle.get("answer").asText();
    String expectedAnswer = answer.startsWith(question)
        ? playMarkers(question, "q") + playMarkers(answer.substring(question.length()), "a")
        : playMarkers(answer, "a");
    assertThat(info.get("answer").asText()).as("answer of %s", id).isEqualTo(style + expectedAnswer);
  }

  /**
   * The oracle's labels, except that Anki 2.1.66 counts a month as 30 days where current Anki
   * ({@code rslib/src/scheduler/timespan.rs, MONTH}) uses 365/12: month labels are recomputed from its interval.
   */
  private static JsonNode currentAnkiLabels(JsonNode states) {
    com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (String button : new String[] {"again", "hard", "good", "easy"}) {
      JsonNode state = states.get(button);
      String label = state.get("label").asText();
      if (label.endsWith("mo") && state.has("intervalDays")) {
        label = IntervalLabels.label(state.get("intervalDays").asLong() * 86_400, 1200);
      }
      out.add(label);
    }
    return out;
  }

  /** What Anki's Python layer does to sound tags: numbered play markers per side. */
  private static String playMarkers(String html, String side) {
    Matcher m = SOUND.matcher(html);
    StringBuilder out = new StringBuilder();
    int n = 0;
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("[anki:play:" + side + ":" + n++ + "]"));
    return m.appendTail(out).toString();
  }
}
