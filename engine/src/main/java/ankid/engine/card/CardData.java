package ankid.engine.card;

import ankid.engine.scheduler.MemoryState;
import ankid.engine.scheduler.RustMath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The {@code cards.data} JSON (rslib/src/storage/card/data.rs, {@code CardData}). Absent or invalid
 * members are null. FSRS numbers are stored rounded (s 4 places, d 3, dr 2, decay 3) and written
 * as the shortest f32 text, in Anki's key order.
 *
 * <p>A value read from the column keeps its text and parses it on first use: most reads of a card
 * (cardsModTime, areSuspended, …) never look inside, and a Jackson parse per card is what bulk
 * reads would otherwise pay for. Values are immutable; {@code with…} returns a new one.
 */
public final class CardData {
  public static final CardData EMPTY = new CardData(null, null, null, null, null, null, null);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Members(Long pos, Float s, Float d, Float dr, Float decay, Long lrt, String cd) {}

  /** The column's text as read, or null for a value made in memory. */
  private final String stored;
  /** Parsed on first use when read from the column; a benign race may parse twice. */
  private volatile Members members;

  public CardData(Long pos, Float s, Float d, Float dr, Float decay, Long lrt, String cd) {
    this.stored = null;
    this.members = new Members(pos, s, d, dr, decay, lrt, cd);
  }

  private CardData(String stored) {
    this.stored = stored;
  }

  /** The column's text; it is parsed when a member is first asked for. */
  public static CardData parse(String json) {
    return json == null ? EMPTY : new CardData(json);
  }

  private Members members() {
    Members m = members;
    if (m == null) {
      m = read(stored);
      members = m;
    }
    return m;
  }

  private static Members read(String json) {
    // most cards hold nothing: no parser for them
    if (json.isBlank() || json.equals("{}")) return EMPTY.members;
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (Exception e) {
      return EMPTY.members;
    }
    if (n == null || !n.isObject()) return EMPTY.members;
    return new Members(
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

  /** A new card's position before it was moved out of the new queue. */
  public Long pos() {
    return members().pos();
  }

  /** FSRS stability. */
  public Float s() {
    return members().s();
  }

  /** FSRS difficulty. */
  public Float d() {
    return members().d();
  }

  /** Desired retention when last answered. */
  public Float dr() {
    return members().dr();
  }

  public Float decay() {
    return members().decay();
  }

  /** Last review time, in seconds. */
  public Long lrt() {
    return members().lrt();
  }

  /** Custom scheduling data: JSON object text. */
  public String cd() {
    return members().cd();
  }

  /** Both s and d present, else null. */
  public MemoryState memory() {
    Members m = members();
    return m.s() != null && m.d() != null ? new MemoryState(m.s(), m.d()) : null;
  }

  public CardData withPos(Long p) {
    Members m = members();
    return new CardData(p, m.s(), m.d(), m.dr(), m.decay(), m.lrt(), m.cd());
  }

  public CardData withMemory(MemoryState memory) {
    Members m = members();
    return new CardData(m.pos(), memory == null ? null : memory.stability(),
        memory == null ? null : memory.difficulty(), m.dr(), m.decay(), m.lrt(), m.cd());
  }

  public CardData withFsrs(MemoryState memory, Float desiredRetention, Float decayValue) {
    Members m = members();
    return new CardData(m.pos(), memory == null ? null : memory.stability(),
        memory == null ? null : memory.difficulty(), desiredRetention, decayValue, m.lrt(), m.cd());
  }

  public CardData withLastReview(Long secs) {
    Members m = members();
    return new CardData(m.pos(), m.s(), m.d(), m.dr(), m.decay(), secs, m.cd());
  }

  /** The column's text: as read when this value came from the column, else {@link #toJson}. */
  public String text() {
    return stored != null ? stored : toJson();
  }

  /** The members as Anki writes them (rslib/src/storage/card/data.rs, {@code CardData::convert_to_json}). */
  public String toJson() {
    Members m = members();
    StringBuilder sb = new StringBuilder("{");
    if (m.pos() != null) append(sb, "pos", Long.toString(m.pos()));
    if (m.s() != null) append(sb, "s", f32(roundTo(m.s(), 4)));
    if (m.d() != null) append(sb, "d", f32(roundTo(m.d(), 3)));
    if (m.dr() != null) append(sb, "dr", f32(roundTo(m.dr(), 2)));
    if (m.decay() != null) append(sb, "decay", f32(roundTo(m.decay(), 3)));
    if (m.lrt() != null) append(sb, "lrt", Long.toString(m.lrt()));
    if (m.cd() != null && !m.cd().isEmpty() && !m.cd().equals("{}")) {
      try {
        append(sb, "cd", JSON.writeValueAsString(m.cd()));
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

  /** Equal members; the text a value was read from does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CardData other && members().equals(other.members());
  }

  @Override
  public int hashCode() {
    return Objects.hash(members());
  }

  @Override
  public String toString() {
    return "CardData" + members().toString().substring("Members".length());
  }
}
