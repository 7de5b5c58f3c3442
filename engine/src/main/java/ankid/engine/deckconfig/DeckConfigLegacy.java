package ankid.engine.deckconfig;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preset in Anki's schema-11 JSON form (rslib/src/deckconfig/schema11.rs), the shape
 * AnkiConnect's getDeckConfig/saveDeckConfig exchange and schema-11 files store. Keys Anki does not
 * model travel in the protobuf's {@code other} field, so nothing a client or an old file put there
 * is lost.
 */
public final class DeckConfigLegacy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP_KEYS = Set.of(
      "id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "replayq", "new", "rev", "lapse", "dyn",
      "newMix", "newPerDayMinimum", "interdayLearningMix", "reviewOrder", "newSortOrder", "newGatherPriority",
      "buryInterdayLearning", "fsrsWeights", "fsrsParams5", "fsrsParams6", "desiredRetention",
      "ignoreRevlogsBeforeDate", "easyDaysPercentages", "stopTimerOnAnswer", "secondsToShowQuestion",
      "secondsToShowAnswer", "questionAction", "answerAction", "waitForAudio", "sm2Retention", "weightSearch");
  private static final Set<String> NEW_KEYS = Set.of("bury", "delays", "initialFactor", "ints", "order", "perDay");
  private static final Set<String> REV_KEYS = Set.of("bury", "ease4", "ivlFct", "maxIvl", "perDay", "hardFactor");
  private static final Set<String> LAPSE_KEYS = Set.of("delays", "leechAction", "leechFails", "minInt", "mult");

  private DeckConfigLegacy() {}

  public static ObjectNode toJson(DeckConfig dc) {
    Config c = dc.config();
    ObjectNode other = parseOther(c.getOther());
    ObjectNode o = JSON.createObjectNode();
    o.put("id", dc.id());
    o.put("mod", dc.mtimeSecs());
    o.put("name", dc.name());
    o.put("usn", dc.usn());
    o.put("maxTaken", c.getCapAnswerTimeToSecs());
    o.put("autoplay", !c.getDisableAutoplay());
    o.put("timer", c.getShowTimer() ? 1 : 0);
    o.put("replayq", !c.getSkipQuestionWhenReplayingAnswer());
    ObjectNode n = o.putObject("new");
    n.put("bury", c.getBuryNew());
    floats(n.putArray("delays"), c.getLearnStepsList());
    n.put("initialFactor", (int) (c.getInitialEase() * 1000f));
    n.putArray("ints").add(c.getGraduatingIntervalGood()).add(c.getGraduatingIntervalEasy()).add(0);
    n.put("order", c.getNewCardInsertOrderValue() == 1 ? 0 : 1);
    n.put("perDay", c.getNewPerDay());
    merge(n, other.remove("new"), NEW_KEYS);
    ObjectNode r = o.putObject("rev");
    r.put("bury", c.getBuryReviews());
    r.put("ease4", f(c.getEasyMultiplier()));
    r.put("ivlFct", f(c.getIntervalMultiplier()));
    r.put("maxIvl", c.getMaximumReviewInterval());
    r.put("perDay", c.getReviewsPerDay());
    r.put("hardFactor", f(c.getHardMultiplier()));
    merge(r, other.remove("rev"), REV_KEYS);
    ObjectNode l = o.putObject("lapse");
    floats(l.putArray("delays"), c.getRelearnStepsList());
    l.put("leechAction", c.getLeechActionValue() == 1 ? 1 : 0);
    l.put("leechFails", c.getLeechThreshold());
    l.put("minInt", c.getMinimumLapseInterval());
    l.put("mult", f(c.getLapseMultiplier()));
    merge(l, other.remove("lapse"), LAPSE_KEYS);
    o.put("dyn", false);
    o.put("newMix", c.getNewMixValue());
    o.put("newPerDayMinimum", c.getNewPerDayMinimum());
    o.put("interdayLearningMix", c.getInterdayLearningMixValue());
    o.put("reviewOrder", c.getReviewOrderValue());
    o.put("newSortOrder", c.getNewCardSortOrderValue());
    o.put("newGatherPriority", c.getNewCardGatherPriorityValue());
    o.put("buryInterdayLearning", c.getBuryInterdayLearning());
    floats(o.putArray("fsrsWeights"), c.getFsrsParams4List());
    floats(o.putArray("fsrsParams5"), c.getFsrsParams5List());
    floats(o.putArray("fsrsParams6"), c.getFsrsParams6List());
    o.put("desiredRetention", f(c.getDesiredRetention()));
    o.put("ignoreRevlogsBeforeDate", c.getIgnoreRevlogsBeforeDate());
    floats(o.putArray("easyDaysPercentages"), c.getEasyDaysPercentagesList());
    o.put("stopTimerOnAnswer", c.getStopTimerOnAnswer());
    o.put("secondsToShowQuestion", f(c.getSecondsToShowQuestion()));
    o.put("secondsToShowAnswer", f(c.getSecondsToShowAnswer()));
    o.put("questionAction", c.getQuestionActionValue());
    o.put("answerAction", c.getAnswerActionValue());
    o.put("waitForAudio", c.getWaitForAudio());
    o.put("sm2Retention", f(c.getHistoricalRetention()));
    o.put("weightSearch", c.getParamSearch());
    merge(o, other, TOP_KEYS);
    return o;
  }

  /**
   * A whole preset from schema-11 JSON as rslib deserializes {@code DeckConfSchema11} (a sync's
   * deck config): missing settings take serde's defaults, which are zero except for
   * {@code waitForAudio} and {@code hardFactor}.
   */
  public static DeckConfig fromJson(JsonNode o) {
    Config base = Config.newBuilder().setWaitForAudio(true).setHardMultiplier(1.2f).build();
    return new DeckConfig(o.path("id").asLong(), o.path("name").asText(""), o.path("mod").asLong(0),
        o.path("usn").asInt(0), fromJson(o, base));
  }

  /**
   * Reads a schema-11 preset over {@code base} (values missing or of the wrong type keep base's),
   * keeping unknown keys in {@code other}.
   */
  public static Config fromJson(JsonNode o, Config base) {
    Config.Builder b = base.toBuilder();
    JsonNode n = o.path("new"), r = o.path("rev"), l = o.path("lapse");
    if (o.has("maxTaken") && o.get("maxTaken").canConvertToInt()) b.setCapAnswerTimeToSecs(Math.max(0, o.get("maxTaken").asInt()));
    if (o.path("autoplay").isBoolean()) b.setDisableAutoplay(!o.get("autoplay").asBoolean());
    if (o.has("timer")) b.setShowTimer(truthy(o.get("timer")));
    if (o.path("replayq").isBoolean()) b.setSkipQuestionWhenReplayingAnswer(!o.get("replayq").asBoolean());
    if (n.path("bury").isBoolean()) b.setBuryNew(n.get("bury").asBoolean());
    if (n.path("delays").isArray()) b.clearLearnSteps().addAllLearnSteps(floatList(n.get("delays")));
    if (n.path("initialFactor").isNumber()) b.setInitialEase((float) n.get("initialFactor").asInt() / 1000f);
    if (n.path("ints").isArray() && n.get("ints").size() >= 2) {
      b.setGraduatingIntervalGood(n.get("ints").get(0).asInt()).setGraduatingIntervalEasy(n.get("ints").get(1).asInt());
    }
    if (n.path("order").isNumber()) b.setNewCardInsertOrderValue(n.get("order").asInt() == 0 ? 1 : 0);
    if (n.path("perDay").isNumber()) b.setNewPerDay(n.get("perDay").asInt());
    if (r.path("bury").isBoolean()) b.setBuryReviews(r.get("bury").asBoolean());
    if (r.path("ease4").isNumber()) b.setEasyMultiplier(r.get("ease4").floatValue());
    if (r.path("ivlFct").isNumber()) b.setIntervalMultiplier(r.get("ivlFct").floatValue());
    if (r.path("maxIvl").isNumber()) b.setMaximumReviewInterval(r.get("maxIvl").asInt());
    if (r.path("perDay").isNumber()) b.setReviewsPerDay(r.get("perDay").asInt());
    if (r.path("hardFactor").isNumber()) b.setHardMultiplier(r.get("hardFactor").floatValue());
    if (l.path("delays").isArray()) b.clearRelearnSteps().addAllRelearnSteps(floatList(l.get("delays")));
    if (l.path("leechAction").isNumber()) b.setLeechActionValue(l.get("leechAction").asInt() == 1 ? 1 : 0);
    if (l.path("leechFails").isNumber()) b.setLeechThreshold(l.get("leechFails").asInt());
    if (l.path("minInt").isNumber()) b.setMinimumLapseInterval(l.get("minInt").asInt());
    if (l.path("mult").isNumber()) b.setLapseMultiplier(l.get("mult").floatValue());
    if (o.path("newMix").isNumber()) b.setNewMixValue(o.get("newMix").asInt());
    if (o.path("newPerDayMinimum").isNumber()) b.setNewPerDayMinimum(o.get("newPerDayMinimum").asInt());
    if (o.path("interdayLearningMix").isNumber()) b.setInterdayLearningMixValue(o.get("interdayLearningMix").asInt());
    if (o.path("reviewOrder").isNumber()) b.setReviewOrderValue(o.get("reviewOrder").asInt());
    if (o.path("newSortOrder").isNumber()) b.setNewCardSortOrderValue(o.get("newSortOrder").asInt());
    if (o.path("newGatherPriority").isNumber()) b.setNewCardGatherPriorityValue(o.get("newGatherPriority").asInt());
    if (o.path("buryInterdayLearning").isBoolean()) b.setBuryInterdayLearning(o.get("buryInterdayLearning").asBoolean());
    if (o.path("fsrsWeights").isArray()) b.clearFsrsParams4().addAllFsrsParams4(floatList(o.get("fsrsWeights")));
    if (o.path("fsrsParams5").isArray()) b.clearFsrsParams5().addAllFsrsParams5(floatList(o.get("fsrsParams5")));
    if (o.path("fsrsParams6").isArray()) b.clearFsrsParams6().addAllFsrsParams6(floatList(o.get("fsrsParams6")));
    if (o.path("desiredRetention").isNumber()) b.setDesiredRetention(o.get("desiredRetention").floatValue());
    if (o.path("ignoreRevlogsBeforeDate").isTextual()) b.setIgnoreRevlogsBeforeDate(o.get("ignoreRevlogsBeforeDate").asText());
    if (o.path("easyDaysPercentages").isArray()) {
      b.clearEasyDaysPercentages().addAllEasyDaysPercentages(floatList(o.get("easyDaysPercentages")));
    }
    if (o.path("stopTimerOnAnswer").isBoolean()) b.setStopTimerOnAnswer(o.get("stopTimerOnAnswer").asBoolean());
    if (o.path("secondsToShowQuestion").isNumber()) b.setSecondsToShowQuestion(o.get("secondsToShowQuestion").floatValue());
    if (o.path("secondsToShowAnswer").isNumber()) b.setSecondsToShowAnswer(o.get("secondsToShowAnswer").floatValue());
    if (o.path("questionAction").isNumber()) b.setQuestionActionValue(o.get("questionAction").asInt());
    if (o.path("answerAction").isNumber()) b.setAnswerActionValue(o.get("answerAction").asInt());
    if (o.path("waitForAudio").isBoolean()) b.setWaitForAudio(o.get("waitForAudio").asBoolean());
    if (o.path("sm2Retention").isNumber()) b.setHistoricalRetention(o.get("sm2Retention").floatValue());
    if (o.path("weightSearch").isTextual()) b.setParamSearch(o.get("weightSearch").asText());

    ObjectNode other = JSON.createObjectNode();
    copyUnknown(o, TOP_KEYS, other);
    ObjectNode no = JSON.createObjectNode(), ro = JSON.createObjectNode(), lo = JSON.createObjectNode();
    copyUnknown(n, NEW_KEYS, no);
    copyUnknown(r, REV_KEYS, ro);
    copyUnknown(l, LAPSE_KEYS, lo);
    if (!no.isEmpty()) other.set("new", no);
    if (!ro.isEmpty()) other.set("rev", ro);
    if (!lo.isEmpty()) other.set("lapse", lo);
    try {
      b.setOther(other.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(JSON.writeValueAsBytes(other)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return b.build();
  }

  private static boolean truthy(JsonNode v) {
    return v.isBoolean() ? v.asBoolean() : v.asInt() != 0;
  }

  /** f32 values shown as their shortest decimal form, as Anki's serde output is. */
  static double f(float v) {
    return Double.parseDouble(Float.toString(v));
  }

  private static void floats(ArrayNode arr, List<Float> values) {
    for (float v : values) arr.add(f(v));
  }

  private static List<Float> floatList(JsonNode arr) {
    List<Float> out = new java.util.ArrayList<>();
    for (JsonNode v : arr) if (v.isNumber()) out.add(v.floatValue());
    return out;
  }

  private static ObjectNode parseOther(ByteString bytes) {
    if (bytes.isEmpty()) return JSON.createObjectNode();
    try {
      JsonNode n = JSON.readTree(bytes.toByteArray());
      return n instanceof ObjectNode obj ? obj : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static void merge(ObjectNode target, JsonNode extra, Set<String> reserved) {
    if (extra == null || !extra.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!reserved.contains(e.getKey())) target.set(e.getKey(), e.getValue());
    }
  }

  private static void copyUnknown(JsonNode from, Set<String> known, ObjectNode to) {
    if (!from.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) to.set(e.getKey(), e.getValue());
    }
  }
}
