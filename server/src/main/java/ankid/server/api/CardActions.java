package ankid.server.api;

import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.card.CardAttributes;
import ankid.engine.card.CardFaces;
import ankid.engine.note.Note;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.study.NextReviews;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Card actions ({@code plugin/__init__.py, AnkiConnect.cardsInfo, suspend, areDue…}), with
 * AnkiConnect's per-card loops and their quirks kept.
 */
public final class CardActions {
  private static final String INDEX_ERROR = "list index out of range";
  private static final java.util.Set<String> PROTECTED_KEYS = java.util.Set.of(
      "did", "id", "ivl", "lapses", "left", "mod", "nid", "odid", "odue", "ord", "queue", "reps", "type", "usn");

  /** About what one card's info takes in a reply (the first guess of the reply's buffer size). */
  private static final int REPLY_BYTES_PER_CARD = 1536;
  /** The most a first guess reserves: a request may list many ids that are not cards. */
  private static final int MAX_REPLY_GUESS = 16 << 20;

  private final Profiles profiles;
  private final ObjectMapper json;

  /** @param json the mapper replies are written with (cardsInfo writes its result with it) */
  public CardActions(Profiles profiles, ObjectMapper json) {
    this.profiles = profiles;
    this.json = json;
  }

  private Collection col() {
    return profiles.collection();
  }

  private static Card getCard(Collection c, long id) {
    return c.cards().get(id).orElseThrow(() -> new ApiError("Card was not found: " + id));
  }

  /**
   * Each card is written to the reply as soon as it is rendered (inside the read, so the reply is
   * one consistent state): a batch of ten thousand cards is held only as its JSON bytes.
   */
  @Action(effect = READ_ONLY)
  public WrittenJson cardsInfo(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      CardFaces faces = c.cards().faces();
      NextReviews nextReviews = c.scheduling().nextReviews();
      // one query for the batch's cards and one for their notes, not two per card
      Map<Long, Card> found = c.cards().store().getMany(cards);
      Map<Long, Note> notes = c.notes().store().getMany(found.values().stream().map(Card::nid).distinct().toList());
      Map<Long, String> deckNames = new java.util.HashMap<>();
      return WrittenJson.of(json, (int) Math.min(MAX_REPLY_GUESS, (long) found.size() * REPLY_BYTES_PER_CARD), g -> {
        g.writeStartArray();
        for (long cid : cards) {
          Card card = found.get(cid);
          if (card == null) {
            g.writeStartObject();
            g.writeEndObject();
            continue;
          }
          // deckNameFromId: Anki's deck getter falls back to Default for a missing deck
          String deckName = deckNames.computeIfAbsent(card.did(), did -> c.decks().getOrDefault(did).name());
          CardInfo.write(g, card, deckName, faces.of(card, notes.get(card.nid())), nextReviews.labels(card));
        }
        g.writeEndArray();
      });
    });
  }

  @Action(effect = READ_ONLY)
  public List<Long> cardsToNotes(@Param("cards") List<Long> cards) {
    return col().read(c -> c.cards().noteIds(cards));
  }

  @Action(effect = READ_ONLY)
  public List<Map<String, Object>> cardsModTime(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (long cid : cards) {
        Map<String, Object> row = new LinkedHashMap<>();
        c.cards().get(cid).ifPresent(card -> {
          row.put("cardId", card.id());
          row.put("mod", card.mod());
        });
        out.add(row);
      }
      return out;
    });
  }

  /**
   * AnkiConnect drops cards already in the requested state while iterating the same list, so the
   * card sliding into a removed card's place is never looked at (and is changed after all).
   */
  @Action(effect = MODIFYING, idempotent = true)
  public boolean suspend(@Param("cards") List<Long> cards, @Param(value = "suspend", dflt = "true") JsonNode suspend) {
    return col().write(c -> {
      List<Long> remaining = new ArrayList<>(cards);
      for (int i = 0; i < remaining.size(); i++) {
        Long cid = remaining.get(i);
        if (pythonEquals(getCard(c, cid).isSuspended(), suspend)) remaining.remove(cid);
      }
      if (remaining.isEmpty()) return false;
      if (PythonValues.truthy(suspend)) c.scheduling().suspend(remaining);
      else c.scheduling().unsuspendAndUnbury(remaining);
      return true;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object unsuspend(@Param("cards") List<Long> cards) {
    suspend(cards, com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
    return null;
  }

  @Action(effect = READ_ONLY)
  public boolean suspended(@Param("card") long card) {
    return col().read(c -> getCard(c, card).isSuspended());
  }

  @Action(effect = READ_ONLY)
  public List<Boolean> areSuspended(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      List<Boolean> out = new ArrayList<>();
      for (long cid : cards) out.add(c.cards().get(cid).map(Card::isSuspended).orElse(null));
      return out;
    });
  }

  /** New → due; else the last revlog entry decides: long learning steps by its time, others by is:due. */
  @Action(effect = READ_ONLY)
  public List<Boolean> areDue(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      List<Boolean> out = new ArrayList<>();
      for (long cid : cards) {
        if (!c.findCards("cid:" + cid + " is:new").isEmpty()) {
          out.add(true);
          continue;
        }
        List<RevlogEntry> revlog = c.revlog().ofCard(cid);
        if (revlog.isEmpty()) throw new ApiError(INDEX_ERROR);
        RevlogEntry last = revlog.get(revlog.size() - 1);
        if (last.ivl() >= -1200) {
          out.add(!c.findCards("cid:" + cid + " is:due").isEmpty());
        } else {
          out.add(last.id() / 1000.0 - last.ivl() <= c.nowMillis() / 1000.0);
        }
      }
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public List<Object> getIntervals(@Param("cards") List<Long> cards, @Param(value = "complete", dflt = "false") JsonNode complete) {
    return col().read(c -> {
      List<Object> out = new ArrayList<>();
      for (long cid : cards) {
        if (!c.findCards("cid:" + cid + " is:new").isEmpty()) {
          out.add(0);
          continue;
        }
        List<Integer> ivls = c.revlog().ofCard(cid).stream().map(r -> (int) r.ivl()).toList();
        if (PythonValues.truthy(complete)) {
          out.add(ivls);
        } else {
          if (ivls.isEmpty()) throw new ApiError(INDEX_ERROR);
          out.add(ivls.get(ivls.size() - 1));
        }
      }
      return out;
    });
  }

  @Action(effect = READ_ONLY)
  public List<Integer> getEaseFactors(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      List<Integer> out = new ArrayList<>();
      for (long cid : cards) out.add(c.cards().get(cid).map(Card::factor).orElse(null));
      return out;
    });
  }

  /**
   * Card by card, as AnkiConnect sets them; a failure fails the request, which is one transaction,
   * so the cards before it are undone with it (AnkiConnect keeps them).
   */
  @Action(effect = MODIFYING, idempotent = true)
  public List<Boolean> setEaseFactors(@Param("cards") List<Long> cards, @Param("easeFactors") List<JsonNode> easeFactors) {
    return col().write(c -> {
      List<Boolean> done = new ArrayList<>();
      for (int i = 0; i < cards.size(); i++) {
        Optional<Card> card = c.cards().get(cards.get(i));
        if (card.isEmpty()) {
          done.add(false);
          continue;
        }
        done.add(true);
        if (i >= easeFactors.size()) throw new ApiError(INDEX_ERROR);
        long factor = PythonValues.toLong(easeFactors.get(i));
        c.cards().update(CardAttributes.assign(card.get(), "factor", factor));
      }
      return done;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object setSpecificValueOfCard(@Param("card") JsonNode card, @Param("keys") JsonNode keys,
      @Param("newValues") JsonNode newValues, @Param(value = "warning_check", dflt = "false") JsonNode warningCheck) {
    if (card.isArray() || !keys.isArray() || !newValues.isArray() || keys.size() != newValues.size()) return false;
    // `warning_check is False`: only a real false (the default) guards the protected keys
    boolean guarded = warningCheck.isBoolean() && !warningCheck.asBoolean();
    for (JsonNode key : keys) {
      if (guarded && key.isTextual() && PROTECTED_KEYS.contains(key.asText())) return false;
    }
    try {
      col().write(c -> {
        Card updated = getCard(c, PythonValues.toLong(card));
        for (int i = 0; i < keys.size(); i++) {
          JsonNode key = keys.get(i);
          if (!key.isTextual()) {
            throw new ApiError("attribute name must be string, not '" + PythonValues.typeName(key) + "'");
          }
          if (CardAttributes.INTEGER_ATTRIBUTES.contains(key.asText())) {
            updated = CardAttributes.assign(updated, key.asText(), PythonValues.toLong(newValues.get(i)));
          }
        }
        if (updated.id() == 0) throw new ApiError("card.flush() expects an existing card");
        return c.cards().update(updated);
      });
      return List.of(true);
    } catch (ApiError | AnkiException e) {
      return List.of(List.of(false, e.getMessage()));
    }
  }

  /** Python's {@code bool == value}: True equals 1, False equals 0, nothing else. */
  private static boolean pythonEquals(boolean b, JsonNode v) {
    if (v.isBoolean()) return v.asBoolean() == b;
    if (v.isNumber()) return v.asDouble() == (b ? 1 : 0);
    return false;
  }
}
