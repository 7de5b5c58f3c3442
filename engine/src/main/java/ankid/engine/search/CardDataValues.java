package ankid.engine.search;

import ankid.engine.card.CardData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What searches read from a card's {@link CardData}: custom data values and FSRS retrievability. */
final class CardDataValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double DEFAULT_DECAY = 0.5;

  private CardDataValues() {}

  /** Strings raw, other JSON values serialised; null when absent or the {@code cd} text is not JSON. */
  static String customDataValue(CardData data, String key) {
    if (data.cd() == null || data.cd().isEmpty() || key == null) return null;
    try {
      JsonNode cd = JSON.readTree(data.cd());
      JsonNode v = cd == null ? null : cd.get(key);
      if (v == null) return null;
      return v.isTextual() ? v.asText() : JSON.writeValueAsString(v);
    } catch (Exception e) {
      return null;
    }
  }

  /** FSRS retrievability now, from the last review time or the due/interval; null without a memory state. */
  static Double retrievability(CardData data, long due, long ivl, long today, long now) {
    if (data.s() == null || data.d() == null) return null;
    long secondsElapsed;
    if (data.lrt() != null) {
      secondsElapsed = saturatingSubU32(now, data.lrt());
    } else if (due > 365_000) {
      secondsElapsed = saturatingSubU32(now, saturatingSubU32(due, ivl));
    } else {
      secondsElapsed = (saturatingSubU32(today, saturatingSubU32(due, ivl)) * 86_400L) & 0xFFFF_FFFFL;
    }
    double d = data.decay() != null ? data.decay() : DEFAULT_DECAY;
    double factor = Math.pow(0.9, -1.0 / d) - 1.0;
    float t = (float) secondsElapsed / 86_400f;
    return (double) (float) Math.pow(1.0 + factor * t / data.s(), -d);
  }

  /** {@code (a as u32).saturating_sub(b as u32)}. */
  private static long saturatingSubU32(long a, long b) {
    long x = a & 0xFFFF_FFFFL;
    long y = b & 0xFFFF_FFFFL;
    return Math.max(0, x - y);
  }

  /**
   * How overdue a card is relative to its desired retention (lower = more overdue), or SM-2's
   * elapsed/interval ratio when the card has no FSRS memory (rslib {@code storage/sqlite.rs},
   * {@code add_extract_fsrs_relative_retrievability}).
   */
  static double relativeRetrievability(CardData data, long due, long ivl, long today, long now) {
    long secsElapsed = due > 365_000 ? saturatingSubU32(now, due)
        : (saturatingSubU32(today, due - ivl) * 86_400L) & 0xFFFF_FFFFL;
    if (data.s() != null && data.d() != null && data.dr() != null) {
      float desired = Math.max(data.dr(), 0.0001f);
      float decay = data.decay() != null ? data.decay() : (float) DEFAULT_DECAY;
      long seconds = data.lrt() != null ? saturatingSubU32(now, data.lrt()) : secsElapsed;
      float factor = (float) (Math.pow(0.9, -1.0 / decay) - 1.0);
      float current = Math.max((float) Math.pow(1.0 + factor * ((float) seconds / 86_400f) / data.s(), -decay), 0.0001f);
      return (double) (-((float) Math.pow(current, -1.0 / decay) - 1f) / ((float) Math.pow(desired, -1.0 / decay) - 1f));
    }
    long daysElapsed = secsElapsed / 86_400;
    return (double) (-((float) daysElapsed + 0.001f) / Math.max((float) ivl, 1f));
  }
}
