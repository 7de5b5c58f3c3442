package ankid.engine.deck;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.scheduler.DeckCounts;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deck list counts equal what the real engine shows for the same collection at the same moment. */
class DueCountsTest {
  @TempDir Path tmp;

  @Test
  void fixtureCountsMatchAnki() throws Exception {
    Path file = SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", tmp);
    assertSameCountsAsAnki(file, Instant.now().getEpochSecond());
  }

  @Test
  void limitsAndSubdecksMatchAnki() throws Exception {
    SharedFiles.require();
    Path file = tmp.resolve("c.anki2");
    Oracle.run("new", file.toString()).ok();
    StringBuilder notes = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String deck = i < 5 ? "Lang" : i < 20 ? "Lang::Spanish" : "Lang::French::Verbs";
      notes.append("{\"notetype\":\"Basic (and reversed card)\",\"deck\":\"").append(deck)
          .append("\",\"fields\":[\"q").append(i).append("\",\"a\"]}\n");
    }
    Path jsonl = Files.writeString(tmp.resolve("n.jsonl"), notes);
    Oracle.run("add-notes", file.toString(), jsonl.toString(), "--in-place").ok();
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      col.write(c -> {
        long preset = c.deckConfigs().add("small", c.deckConfigs().get(1).orElseThrow().config().toBuilder()
            .setNewPerDay(7).setReviewsPerDay(3).build()).id();
        c.decks().setConfigId(c.decks().byName("Lang::Spanish").orElseThrow(), preset);
        // Some cards due for review and in learning, so every count is exercised.
        c.db().exec("update cards set type = 2, queue = 2, ivl = 3, factor = 2500, due = 0 where id % 3 = 0");
        c.db().exec("update cards set type = 1, queue = 1, due = ? where id % 7 = 1", c.nowSecs() - 60);
        c.db().exec("update cards set queue = -1 where id % 11 = 2");
        return null;
      });
    }
    assertSameCountsAsAnki(file, Instant.now().getEpochSecond());
  }

  private void assertSameCountsAsAnki(Path file, long now) throws Exception {
    Path copy = Files.copy(file, tmp.resolve("copy-" + System.nanoTime() + ".anki2"));
    JsonNode anki = Oracle.run("decks", copy.toString(), "--now", Long.toString(now)).ok();
    Map<Long, DeckCounts.Node> ours;
    try (Collection col = Collection.open(file, Clock.fixed(Instant.ofEpochSecond(now), ZoneId.systemDefault()))) {
      ours = col.read(c -> c.decks().dueCounts());
    }
    assertThat(ours).hasSize(anki.size());
    for (JsonNode d : anki) {
      DeckCounts.Node c = ours.get(d.get("id").asLong());
      assertThat(c).as("deck %s", d.get("name")).isNotNull();
      assertThat(new int[] {c.newCount(), c.learnCount(), c.reviewCount(), c.totalInDeck()})
          .as("deck %s", d.get("name"))
          .containsExactly(d.get("new").asInt(), d.get("learn").asInt(), d.get("review").asInt(),
              d.get("totalInDeck").asInt());
    }
  }
}
