package ankid.engine.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The parts of the {@code cards.data} JSON that searches read (FSRS memory state, custom data). */
record CardData(Double stability, Double difficulty, Double desiredRetention, Double decay, Long lastReviewTime,
    String customData) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CardData EMPTY = new CardData(null, null, null, null, null, "");
  private static final double DEFAULT_DECAY = 0.5;

  /** Invalid or missing JSON reads as empty, and an invalid member as absent, as in Anki. */
  static CardData parse(String json) {
    if (json == null || json.isEmpty()) return EMPTY;
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      return EMPTY;
    }
    if (root == null || !root.isObject()) return EMPTY;
    JsonNode cd = root.get("cd");
    return new CardData(number(root, "s"), number(root, "d"), number(root, "dr"), number(root, "decay"),
        root.path("lrt").canConvertToLong() && root.path("lrt").isIntegralNumber() ? root.get("lrt").asLong() : null,
        cd != null && cd.isTextual() ? cd.asText() : "");
  }

  private static Double number(JsonNode root, String key) {
    JsonNode n = root.get(key);
    // Anki stores these as f32
    return n != null && n.isNumber() ? (double) (float) n.asDouble() : null;
  }

  /** Strings raw, other JSON values serialised; null when absent or the {@code cd} text is not JSON. */
  String customDataValue(String key) {
    if (customData.isEmpty() || key == null) return null;
    try {
      JsonNode cd = JSON.readTree(customData);
      JsonNode v = cd == null ? null : cd.get(key);
      if (v == null) return null;
      return v.isTextual() ? v.asText() : JSON.writeValueAsString(v);
    } catch (Exception e) {
      return null;
    }
  }

  /** FSRS retrievability now, from the last review time or the due/interval; null without a memory state. */
  Double retrievability(long due, long ivl, long today, long now) {
    if (stability == null || difficulty == null) return null;
    long secondsElapsed;
    if (lastReviewTime != null) {
      secondsElapsed = saturatingSubU32(now, lastReviewTime);
    } else if (due > 365_000) {
      secondsElapsed = saturatingSubU32(now, saturatingSubU32(due, ivl));
    } else {
      secondsElapsed = (saturatingSubU32(today, saturatingSubU32(due, ivl)) * 86_400L) & 0xFFFF_FFFFL;
    }
    double d = decay != null ? decay : DEFAULT_DECAY;
    double factor = Math.pow(0.9, -1.0 / d) - 1.0;
    float t = (float) secondsElapsed / 86_400f;
    return (double) (float) Math.pow(1.0 + factor * t / stability, -d);
  }

  /** {@code (a as u32).saturating_sub(b as u32)}. */
  private static long saturatingSubU32(long a, long b) {
    long x = a & 0xFFFF_FFFFL;
    long y = b & 0xFFFF_FFFFL;
    return Math.max(0, x - y);
  }
}
