package ankid.engine.deck;

import ankid.engine.proto.DecksProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A deck in schema-11 JSON, as {@code col.decks} held it (rslib/src/decks/schema11.rs). */
public final class DeckLegacy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN = Set.of("id", "mod", "name", "usn", "lrnToday", "revToday", "newToday",
      "timeToday", "collapsed", "browserCollapsed", "desc", "md", "dyn", "conf", "extendNew", "extendRev",
      "reviewLimit", "newLimit", "reviewLimitToday", "newLimitToday", "desiredRetention", "resched", "terms",
      "separate", "delays", "previewDelay", "previewAgainSecs", "previewHardSecs", "previewGoodSecs",
      // obsolete; rslib drops it when reading
      "return");

  private DeckLegacy() {}

  public static Deck fromJson(JsonNode o) {
    // rslib decks/schema11.rs From<&DeckCommonSchema11>: the four day counters become one day, and
    // a counter from an earlier day than the latest is reset
    int day = Math.max(today(o, "timeToday", 0), Math.max(today(o, "newToday", 0), today(o, "revToday", 0)));
    DecksProto.Deck.Common.Builder common = DecksProto.Deck.Common.newBuilder()
        .setStudyCollapsed(o.path("collapsed").asBoolean(false))
        .setBrowserCollapsed(o.path("browserCollapsed").asBoolean(false))
        .setLastDayStudied(day)
        .setNewStudied(today(o, "newToday", 0) == day ? today(o, "newToday", 1) : 0)
        .setReviewStudied(today(o, "revToday", 0) == day ? today(o, "revToday", 1) : 0)
        .setLearningStudied(today(o, "lrnToday", 0) == day ? today(o, "lrnToday", 1) : 0)
        .setMillisecondsStudied(today(o, "timeToday", 1))
        .setOther(other(o));
    DecksProto.Deck.KindContainer.Builder kind = DecksProto.Deck.KindContainer.newBuilder();
    boolean dyn = o.path("dyn").isBoolean() ? o.get("dyn").asBoolean() : o.path("dyn").asInt(0) != 0;
    if (dyn) {
      DecksProto.Deck.Filtered.Builder f = DecksProto.Deck.Filtered.newBuilder()
          .setReschedule(o.path("resched").asBoolean(true))
          .setPreviewDelay(o.path("previewDelay").asInt(0))
          .setPreviewAgainSecs(o.path("previewAgainSecs").asInt(60))
          .setPreviewHardSecs(o.path("previewHardSecs").asInt(600))
          .setPreviewGoodSecs(o.path("previewGoodSecs").asInt(0));
      for (JsonNode t : o.path("terms")) {
        f.addSearchTerms(DecksProto.Deck.Filtered.SearchTerm.newBuilder()
            .setSearch(t.path(0).asText("")).setLimit(t.path(1).asInt(100)).setOrderValue(t.path(2).asInt(0)));
      }
      for (JsonNode d : o.path("delays")) f.addDelays(d.floatValue());
      kind.setFiltered(f);
    } else {
      DecksProto.Deck.Normal.Builder n = DecksProto.Deck.Normal.newBuilder()
          .setConfigId(o.path("conf").asLong(1))
          .setExtendNew(Math.max(0, o.path("extendNew").asInt(0)))
          .setExtendReview(Math.max(0, o.path("extendRev").asInt(0)))
          .setDescription(o.path("desc").asText(""))
          .setMarkdownDescription(o.path("md").asBoolean(false));
      if (o.path("reviewLimit").isNumber()) n.setReviewLimit(o.get("reviewLimit").asInt());
      if (o.path("newLimit").isNumber()) n.setNewLimit(o.get("newLimit").asInt());
      if (o.path("reviewLimitToday").isObject()) n.setReviewLimitToday(dayLimit(o.get("reviewLimitToday")));
      if (o.path("newLimitToday").isObject()) n.setNewLimitToday(dayLimit(o.get("newLimitToday")));
      if (o.path("desiredRetention").isNumber()) n.setDesiredRetention(o.get("desiredRetention").floatValue() / 100f);
      kind.setNormal(n);
    }
    return new Deck(o.path("id").asLong(), DeckNames.normalizeHuman(o.path("name").asText("")), o.path("mod").asLong(0),
        o.path("usn").asInt(0), common.build(), kind.build());
  }

  /** Element {@code i} of a {@code [day, amount]} pair; missing values are 0 (rslib TodayAmountSchema11). */
  private static int today(JsonNode o, String key, int i) {
    JsonNode pair = o.path(key);
    return pair.isArray() && pair.size() == 2 ? pair.get(i).asInt(0) : 0;
  }

  private static DecksProto.Deck.Normal.DayLimit dayLimit(JsonNode o) {
    return DecksProto.Deck.Normal.DayLimit.newBuilder()
        .setLimit(o.path("limit").asInt(0)).setToday(o.path("today").asInt(0)).build();
  }

  public static ObjectNode toJson(Deck d) {
    DecksProto.Deck.Common c = d.common();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", d.id());
    o.put("mod", d.mtimeSecs());
    o.put("name", d.name());
    o.put("usn", d.usn());
    today(o, "lrnToday", c.getLastDayStudied(), c.getLearningStudied());
    today(o, "revToday", c.getLastDayStudied(), c.getReviewStudied());
    today(o, "newToday", c.getLastDayStudied(), c.getNewStudied());
    today(o, "timeToday", c.getLastDayStudied(), c.getMillisecondsStudied());
    o.put("collapsed", c.getStudyCollapsed());
    o.put("browserCollapsed", c.getBrowserCollapsed());
    if (d.isFiltered()) {
      DecksProto.Deck.Filtered f = d.kind().getFiltered();
      o.put("desc", "");
      o.put("dyn", 1);
      o.put("resched", f.getReschedule());
      ArrayNode terms = o.putArray("terms");
      for (DecksProto.Deck.Filtered.SearchTerm t : f.getSearchTermsList()) {
        terms.addArray().add(t.getSearch()).add(t.getLimit()).add(t.getOrderValue());
      }
      o.put("separate", true);
      if (f.getDelaysCount() == 0) o.putNull("delays");
      else f.getDelaysList().forEach(v -> ((ArrayNode) o.withArray("delays")).add((double) v));
      o.put("previewDelay", f.getPreviewDelay());
      o.put("previewAgainSecs", f.getPreviewAgainSecs());
      o.put("previewHardSecs", f.getPreviewHardSecs());
      o.put("previewGoodSecs", f.getPreviewGoodSecs());
    } else {
      DecksProto.Deck.Normal n = d.kind().getNormal();
      o.put("desc", n.getDescription());
      if (n.getMarkdownDescription()) o.put("md", true);
      o.put("dyn", 0);
      o.put("conf", d.configId());
      o.put("extendNew", n.getExtendNew());
      o.put("extendRev", n.getExtendReview());
      if (n.hasReviewLimit()) o.put("reviewLimit", n.getReviewLimit());
      else o.putNull("reviewLimit");
      if (n.hasNewLimit()) o.put("newLimit", n.getNewLimit());
      else o.putNull("newLimit");
      dayLimitJson(o, "reviewLimitToday", n.hasReviewLimitToday() ? n.getReviewLimitToday() : null);
      dayLimitJson(o, "newLimitToday", n.hasNewLimitToday() ? n.getNewLimitToday() : null);
      // rslib: Option<u32> of percent, written as (v * 100.0) as u32. Left out when unset (serde's
      // default), so clients older than 23.10 do not keep a stray null among the deck's extra keys.
      if (n.hasDesiredRetention()) o.put("desiredRetention", (int) (n.getDesiredRetention() * 100f));
    }
    if (!c.getOther().isEmpty()) {
      try {
        JsonNode extra = JSON.readTree(c.getOther().toByteArray());
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!o.has(e.getKey())) o.set(e.getKey(), e.getValue());
        }
      } catch (IOException ignored) {
        // unreadable extras are dropped, as Anki does
      }
    }
    return o;
  }

  private static void today(ObjectNode o, String key, int day, int amount) {
    o.putArray(key).add(day).add(amount);
  }

  private static void dayLimitJson(ObjectNode o, String key, DecksProto.Deck.Normal.DayLimit l) {
    if (l == null) {
      o.putNull(key);
    } else {
      ObjectNode v = o.putObject(key);
      v.put("limit", l.getLimit());
      v.put("today", l.getToday());
    }
  }

  private static ByteString other(JsonNode o) {
    ObjectNode rest = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!KNOWN.contains(e.getKey())) rest.set(e.getKey(), e.getValue());
    }
    try {
      return rest.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(JSON.writeValueAsBytes(rest));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
