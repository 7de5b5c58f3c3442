package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a collection holds, as seen through the API in two requests: every note (fields, tags,
 * modification time), every card (scheduling, reviews), decks, notetypes in full, tags, media file
 * names and the Default preset. Two equal digests mean no request between them changed anything
 * a client can see.
 */
record CollectionDigest(JsonNode content, List<Long> ids) {
  static CollectionDigest of(HarnessClient http) throws IOException, InterruptedException, HarnessClient.ActionFailed {
    ObjectNode first = HarnessClient.params();
    ArrayNode actions = first.putArray("actions");
    actions.add(call("findCards", HarnessClient.params().put("query", "")));
    actions.add(call("notesInfo", HarnessClient.params().put("query", "")));
    actions.add(call("deckNamesAndIds", null));
    actions.add(call("modelNamesAndIds", null));
    actions.add(call("getTags", null));
    actions.add(call("getMediaFilesNames", HarnessClient.params().put("pattern", "*")));
    actions.add(call("getDeckConfig", HarnessClient.params().put("deck", "Default")));
    JsonNode a = http.result("multi", first);
    ObjectNode second = HarnessClient.params();
    ArrayNode more = second.putArray("actions");
    ObjectNode cards = HarnessClient.params();
    cards.set("cards", a.get(0).get("result"));
    more.add(call("cardsInfo", cards));
    ObjectNode models = HarnessClient.params();
    ArrayNode modelIds = models.putArray("modelIds");
    a.get(3).get("result").forEach(modelIds::add);
    more.add(call("findModelsById", models));
    JsonNode b = http.result("multi", second);
    ArrayNode content = HarnessClient.JSON.createArrayNode();
    a.forEach(content::add);
    b.forEach(content::add);
    List<Long> ids = new ArrayList<>();
    a.get(0).get("result").forEach(n -> ids.add(n.asLong()));
    a.get(1).get("result").forEach(n -> ids.add(n.path("noteId").asLong()));
    a.get(2).get("result").forEach(n -> ids.add(n.asLong()));
    a.get(3).get("result").forEach(n -> ids.add(n.asLong()));
    return new CollectionDigest(content, ids);
  }

  private static ObjectNode call(String action, ObjectNode params) {
    ObjectNode r = HarnessClient.JSON.createObjectNode().put("action", action).put("version", 6);
    if (params != null) r.set("params", params);
    return r;
  }
}
