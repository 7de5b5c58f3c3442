package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.scheduler.CardState.LearnState;
import ankid.engine.scheduler.CardState.PreviewState;
import ankid.engine.scheduler.CardState.RelearnState;
import ankid.engine.scheduler.CardState.ReschedulingState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The checks Anki makes before accepting an answer (rslib/src/scheduler/answering/mod.rs,
 * {@code answer_card_inner}).
 */
public final class AnswerValidation {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerValidation() {}

  /**
   * A caller-supplied current state must equal the recomputed one, ignoring the informative
   * learning {@code elapsed_secs}.
   */
  public static void checkCurrentState(CardState recomputed, CardState supplied) {
    if (!withoutElapsed(recomputed).equals(withoutElapsed(supplied))) {
      throw new SchedulerException("card was modified");
    }
  }

  /** Filtered states only for cards in filtered decks; a preview ends only by "finished". */
  public static void checkNextState(Card card, CardState current, CardState next) {
    boolean filteredNext = next instanceof PreviewState || next instanceof ReschedulingState;
    if (filteredNext && card.odid() == 0) {
      throw new SchedulerException("card answering state cannot be filtered unless in filtered deck");
    }
    if (current instanceof PreviewState && !(next instanceof PreviewState)) {
      throw new SchedulerException("should set finished=true, not return different state");
    }
  }

  /**
   * Custom data: a JSON object, keys ≤ 8 bytes, serialised ≤ 100 bytes
   * (rslib/src/storage/card/data.rs, {@code validate_custom_data}).
   */
  public static void checkCustomData(String json) {
    if (json == null || json.isEmpty()) return;
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (Exception e) {
      throw new SchedulerException("custom data not an object");
    }
    if (node == null || !node.isObject()) throw new SchedulerException("custom data not an object");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      if (it.next().getBytes(StandardCharsets.UTF_8).length > 8) {
        throw new SchedulerException("custom data keys must be <= 8 bytes");
      }
    }
    if (node.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
      throw new SchedulerException("serialized custom data must be under 100 bytes");
    }
  }

  private static CardState withoutElapsed(CardState s) {
    if (s instanceof LearnState l) return new LearnState(l.remainingSteps(), l.scheduledSecs(), 0, l.memory());
    if (s instanceof RelearnState r) {
      return new RelearnState((LearnState) withoutElapsed(r.learning()), r.review());
    }
    if (s instanceof ReschedulingState r) return new ReschedulingState(withoutElapsed(r.original()));
    return s;
  }
}
