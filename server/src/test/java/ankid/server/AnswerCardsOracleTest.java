package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * answerCards ({@code plugin/__init__.py, AnkiConnect.answerCards}) against real Anki 2.1.66: before each answer, {@code anki-oracle answer} answers
 * the same card on a private copy of the very file ankid has open, then ankid answers it over
 * HTTP, and the card rows and revlog rows must agree. Review cards are rewritten between answers
 * (as if days had passed) with ivl ≥ 5 and ease ≥ 2.0, avoiding the fuzz-bound and lapse cases
 * where 2.1.66 differs from current Anki (rslib/src/scheduler/states/fuzz.rs,
 * constrained_fuzz_bounds; states/review.rs, ReviewState::failing_review_interval).
 */
@ExtendWith(TestServerExtension.class)
class AnswerCardsOracleTest {
  private static final int STEPS = 300;
  @Test
  void randomAnswerSequencesMatchRealAnki(TestServer server) throws Exception {
    SharedFiles.require();
    List<Long> cards = StudyFixtures.newCollection(server.base(), 25);
    Random random = new Random(6_2026);
    int[] kinds = new int[4];
    try (Oracle.Batch oracle = Oracle.batch()) {
      String file = server.collectionPath().toString();
      for (int step = 0; step < STEPS; step++) {
        long cid = cards.get(random.nextInt(cards.size()));
        int[] before = row(server, cid);
        if (before[0] == 2 || random.nextInt(4) == 0) before = timeTravel(server, cid, before, random);
        kinds[before[0]]++;
        int ease = 1 + random.nextInt(4);
        JsonNode theirs = oracle.call("answer", file, Long.toString(cid), Integer.toString(ease)).ok();
        long answeredAt = System.currentTimeMillis() / 1000;
        assertThat(server.result("answerCards", """
            {"answers": [{"cardId": %d, "ease": %d}]}
            """.formatted(cid, ease))).hasSize(1);
        int[] ours = row(server, cid);
        JsonNode db = theirs.get("card").get("db");
        String context = "step " + step + " card " + cid + " ease " + ease + " before " + java.util.Arrays.toString(before);
        assertThat(new int[] {ours[0], ours[1], ours[3], ours[4], ours[5], ours[6], ours[7]}).as(context)
            .containsExactly(db.get("type").asInt(), db.get("queue").asInt(), db.get("ivl").asInt(),
                db.get("factor").asInt(), db.get("reps").asInt(), db.get("lapses").asInt(), db.get("left").asInt());
        if (ours[1] == 1) {
          // intraday learning: both fuzzed up to +25 % (max 5 min) from their own "now"
          long step2 = -lastRevlog(server, cid)[1];
          long upper = step2 + (long) Math.floor(Math.min(step2 * 0.25, 300)) + 2;
          assertThat(ours[2] - answeredAt).as(context).isBetween(step2 - 2, upper);
          assertThat(db.get("due").asLong() - answeredAt).as(context).isBetween(step2 - 3, upper);
        } else {
          assertThat(ours[2]).as(context).isEqualTo(db.get("due").asInt());
        }
        JsonNode r = theirs.get("revlog");
        assertThat(lastRevlog(server, cid)).as(context + " revlog").containsExactly(r.get("ease").asLong(),
            r.get("ivl").asLong(), r.get("lastIvl").asLong(), r.get("factor").asLong(), r.get("type").asLong());
      }
    }
    for (int k : kinds) assertThat(k).as("answers per card type %s", java.util.Arrays.toString(kinds)).isGreaterThanOrEqualTo(15);
    server.stop();
    StudyFixtures.assertAnkiFindsNoProblems(server.collectionPath());
  }

  /** type, queue, due, ivl, factor, reps, lapses, left. */
  private static int[] row(TestServer server, long cid) {
    return server.collection().read(c -> c.db().queryOne(
        "select type, queue, due, ivl, factor, reps, lapses, left from cards where id = ?",
        rs -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
            rs.getInt(7), rs.getInt(8)}, cid).orElseThrow());
  }

  /** ease, ivl, lastIvl, factor, type of the card's newest revlog row. */
  private static long[] lastRevlog(TestServer server, long cid) {
    return server.collection().read(c -> c.db().queryOne(
        "select ease, ivl, lastIvl, factor, type from revlog where cid = ? order by id desc limit 1",
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}, cid).orElseThrow());
  }

  /** Makes a review card (or a new card) a due or overdue review card; day-learning cards due today. */
  private static int[] timeTravel(TestServer server, long cid, int[] c, Random random) {
    server.collection().write(col -> {
      int today = (int) col.timing().daysElapsed();
      if (c[0] == 2 || (c[0] == 0 && random.nextBoolean())) {
        int ivl = 5 + random.nextInt(random.nextBoolean() ? 30 : 400);
        int factor = 2000 + 10 * random.nextInt(150);
        int late = random.nextInt(3) == 0 ? 0 : random.nextInt(ivl + 1);
        int reps = Math.max(c[5], 1 + random.nextInt(20));
        col.db().exec("update cards set type = 2, queue = 2, due = ?, ivl = ?, factor = ?, reps = ?, left = 0"
            + " where id = ?", today - late, ivl, factor, reps, cid);
      } else if (c[1] == 3) {
        col.db().exec("update cards set due = ? where id = ?", today, cid);
      }
      return null;
    });
    return row(server, cid);
  }
}
