package ankid.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * The {@code cards.data} JSON (§1.2). Absent members are null. FSRS numbers are stored rounded
 * (s 4 places, d 3, dr 2, decay 3) and written as the shortest f32 text, in Anki's key order.
 */
public record CardData(
    Long pos, Float s, Float d, Float dr, Float decay, Long lrt, String cd) {
  public static final CardData EMPTY = new CardData(null, null, null, null, null, null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static CardData parse(String json) {
    if (json == null || json.isBlank() || json.equals("{}")) return EMPTY;
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (Exception e) {
      return EMPTY;
    }
    if (n == null || !n.isObject()) return EMPTY;
    return new CardData(
        unsigned(n.get("pos")),
        number(n.get("s")),
        number(n.get("d")),
        number(n.get("dr")),
        number(n.get("decay")),
        n.path("lrt").canConvertToLong() && n.path("lrt").isIntegralNumber() ? n.get("lrt").asLong() : null,
        n.path("cd").isTextual() ? n.get("cd").asText() : null);
  }

  private static Long unsigned(JsonNode v) {
    return v != null && v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() <= 0xFFFFFFFFL ? v.asLong() : null;
  }

  private static Float number(JsonNode v) {
    return v != null && v.isNumber() ? v.floatValue() : null;
  }

  /** Both s and d present, else null. */
  public MemoryState memory() {
    return s != null && d != null ? new MemoryState(s, d) : null;
  }

  public CardData withPos(Long p) {
    return new CardData(p, s, d, dr, decay, lrt, cd);
  }

  public CardData withMemory(MemoryState m) {
    return new CardData(pos, m == null ? null : m.stability(), m == null ? null : m.difficulty(), dr, decay, lrt, cd);
  }

  public CardData withFsrs(MemoryState m, Float desiredRetention, Float decayValue) {
    return new CardData(pos, m == null ? null : m.stability(), m == null ? null : m.difficulty(),
        desiredRetention, decayValue, lrt, cd);
  }

  public CardData withLastReview(Long secs) {
    return new CardData(pos, s, d, dr, decay, secs, cd);
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder("{");
    if (pos != null) append(sb, "pos", Long.toString(pos));
    if (s != null) append(sb, "s", f32(roundTo(s, 4)));
    if (d != null) append(sb, "d", f32(roundTo(d, 3)));
    if (dr != null) append(sb, "dr", f32(roundTo(dr, 2)));
    if (decay != null) append(sb, "decay", f32(roundTo(decay, 3)));
    if (lrt != null) append(sb, "lrt", Long.toString(lrt));
    if (cd != null && !cd.isEmpty() && !cd.equals("{}")) {
      try {
        append(sb, "cd", JSON.writeValueAsString(cd));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String key, String value) {
    if (sb.length() > 1) sb.append(',');
    sb.append('"').append(key).append("\":").append(value);
  }

  static float roundTo(float v, int places) {
    float factor = (float) Math.pow(10, places);
    return RustMath.round(v * factor) / factor;
  }

  /** serde_json/ryu style: shortest digits, always a decimal point, no exponent for our ranges. */
  static String f32(float v) {
    String t = Float.toString(v);
    if (t.contains("E")) t = new BigDecimal(t).toPlainString();
    return t.contains(".") ? t : t + ".0";
  }
}
