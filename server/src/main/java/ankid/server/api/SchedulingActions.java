package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;

import ankid.engine.Collection;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduling card actions ({@code plugin/__init__.py, AnkiConnect.answerCards, forgetCards,
 * relearnCards, setDueDate}).
 */
public final class SchedulingActions {
  private final Profiles profiles;
  private final SecureRandom random = new SecureRandom();

  public SchedulingActions(Profiles profiles) {
    this.profiles = profiles;
  }

  private Collection col() {
    return profiles.collection();
  }

  /**
   * Card by card, as AnkiConnect answers; an invalid item fails the call, and since the request is
   * one transaction the answers before it are undone with it (AnkiConnect keeps them).
   */
  @Action(effect = MODIFYING)
  public List<Boolean> answerCards(@Param("answers") List<JsonNode> answers) {
    List<Boolean> out = new ArrayList<>();
    for (JsonNode answer : answers) {
      if (!answer.has("cardId")) throw new ApiError("'cardId'");
      if (!answer.has("ease")) throw new ApiError("'ease'");
      long cardId = answer.get("cardId").asLong();
      int ease = answer.get("ease").isIntegralNumber() ? answer.get("ease").asInt() : 0;
      out.add(col().write(c -> c.scheduling().answer(cardId, ease).isPresent()));
    }
    return out;
  }

  @Action(effect = DESTRUCTIVE)
  public Object forgetCards(@Param("cards") List<Long> cards) {
    return col().write(c -> {
      c.scheduling().forget(cards);
      return null;
    });
  }

  @Action(effect = MODIFYING)
  public Object relearnCards(@Param("cards") List<Long> cards) {
    return col().write(c -> {
      c.scheduling().relearn(cards);
      return null;
    });
  }

  @Action(effect = MODIFYING)
  public boolean setDueDate(@Param("cards") List<Long> cards, @Param("days") JsonNode days) {
    // Anki hands days to a protobuf string field, which refuses anything but text
    if (!days.isTextual()) throw new ApiError("bad argument type for built-in operation");
    return col().write(c -> {
      c.scheduling().setDueDate(cards, days.asText(), random);
      return true;
    });
  }
}
