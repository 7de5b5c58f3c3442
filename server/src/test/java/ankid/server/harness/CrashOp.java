package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** One write request of a crash-harness client and what it does to the client's notes. */
sealed interface CrashOp {
  /** The request, version 6. */
  ObjectNode request();

  /** The notes after this request, had it been applied to {@code m}. */
  void applyTo(CrashModel m);

  /** How many writes the request makes (a multi's failing action makes none). */
  int writes();

  /** Records the ids a successful reply names. */
  default void learn(JsonNode result, Map<String, CrashModel.Ids> ids) {}

  private static ObjectNode request(String action, ObjectNode params) {
    ObjectNode r = HarnessClient.JSON.createObjectNode().put("action", action).put("version", 6);
    r.set("params", params);
    return r;
  }

  /** addNote: a Basic note in Default with a unique Front, tagged with the client's tag. */
  record Add(String tag, String front) implements CrashOp {
    @Override
    public ObjectNode request() {
      ObjectNode note = HarnessClient.params().put("deckName", "Default").put("modelName", "Basic");
      note.putObject("fields").put("Front", front).put("Back", "b0");
      note.putArray("tags").add(tag);
      ObjectNode p = HarnessClient.params();
      p.set("note", note);
      return CrashOp.request("addNote", p);
    }

    @Override
    public void applyTo(CrashModel m) {
      m.notes.put(front, new CrashModel.Expected("b0", 0));
    }

    @Override
    public int writes() {
      return 1;
    }

    @Override
    public void learn(JsonNode result, Map<String, CrashModel.Ids> ids) {
      if (result != null && result.canConvertToLong()) ids.put(front, new CrashModel.Ids(result.asLong(), 0));
    }
  }

  /** addNote of a Front the client already has: refused as a duplicate, so it changes nothing. */
  record DuplicateAdd(String tag, String front) implements CrashOp {
    @Override
    public ObjectNode request() {
      return new Add(tag, front).request();
    }

    @Override
    public void applyTo(CrashModel m) {}

    @Override
    public int writes() {
      return 0;
    }
  }

  /** updateNoteFields: a new Back. */
  record Update(String front, long noteId, String back) implements CrashOp {
    @Override
    public ObjectNode request() {
      ObjectNode note = HarnessClient.params().put("id", noteId);
      note.putObject("fields").put("Back", back);
      ObjectNode p = HarnessClient.params();
      p.set("note", note);
      return CrashOp.request("updateNoteFields", p);
    }

    @Override
    public void applyTo(CrashModel m) {
      m.notes.computeIfPresent(front, (k, e) -> new CrashModel.Expected(back, e.reviews()));
    }

    @Override
    public int writes() {
      return 1;
    }
  }

  /** answerCards: Good on the note's card (a review and a revlog row). */
  record Answer(String front, long cardId) implements CrashOp {
    @Override
    public ObjectNode request() {
      ObjectNode p = HarnessClient.params();
      p.putArray("answers").addObject().put("cardId", cardId).put("ease", 3);
      return CrashOp.request("answerCards", p);
    }

    @Override
    public void applyTo(CrashModel m) {
      m.notes.computeIfPresent(front, (k, e) -> new CrashModel.Expected(e.back(), e.reviews() + 1));
    }

    @Override
    public int writes() {
      return 1;
    }
  }

  /** deleteNotes: the note and its card. */
  record Delete(String front, long noteId) implements CrashOp {
    @Override
    public ObjectNode request() {
      ObjectNode p = HarnessClient.params();
      p.putArray("notes").add(noteId);
      return CrashOp.request("deleteNotes", p);
    }

    @Override
    public void applyTo(CrashModel m) {
      m.notes.remove(front);
    }

    @Override
    public int writes() {
      return 1;
    }
  }

  /** multi: every action applies, but for the duplicate, which fails alone. */
  record Multi(List<CrashOp> actions) implements CrashOp {
    @Override
    public ObjectNode request() {
      ObjectNode p = HarnessClient.params();
      ArrayNode list = p.putArray("actions");
      actions.forEach(a -> list.add(a.request()));
      return CrashOp.request("multi", p);
    }

    @Override
    public void applyTo(CrashModel m) {
      actions.forEach(a -> a.applyTo(m));
    }

    @Override
    public int writes() {
      return actions.stream().mapToInt(CrashOp::writes).sum();
    }

    @Override
    public void learn(JsonNode result, Map<String, CrashModel.Ids> ids) {
      for (int i = 0; i < actions.size() && result != null && i < result.size(); i++) {
        JsonNode env = result.get(i);
        if (env.path("error").isNull()) actions.get(i).learn(env.get("result"), ids);
      }
    }
  }
}
