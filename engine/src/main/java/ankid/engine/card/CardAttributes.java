package ankid.engine.card;

import ankid.engine.AnkiException;
import java.util.Set;

/**
 * Assigning a card attribute by its Python name ({@code card.factor = 2500}) and the checks the
 * value then meets on the way to the Rust core when the card is saved: the protobuf field's
 * integer range (Python's "Value out of range"), then Anki's type/queue validation. The cast to the
 * core's narrower fields (ord u16, factor u16, flags u8) truncates as Rust's {@code as} does.
 */
public final class CardAttributes {
  /** Python attributes backed by an integer column; any other name is a plain attribute Anki ignores. */
  public static final Set<String> INTEGER_ATTRIBUTES = Set.of(
      "id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due", "ivl", "factor", "reps", "lapses", "left",
      "odue", "odid", "flags");

  private static final long U32_MAX = 0xFFFF_FFFFL;

  private CardAttributes() {}

  /** The card with {@code key} set; unknown keys leave it unchanged. */
  public static Card assign(Card c, String key, long v) {
    return switch (key) {
      case "id" -> new Card(v, c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(),
          c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "nid" -> new Card(c.id(), v, c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(),
          c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "did" -> new Card(c.id(), c.nid(), v, c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(),
          c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "ord" -> new Card(c.id(), c.nid(), c.did(), (int) (u32(v) & 0xFFFF), c.mod(), c.usn(), c.type(), c.queue(),
          c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "mod" -> new Card(c.id(), c.nid(), c.did(), c.ord(), v, c.usn(), c.type(), c.queue(), c.due(), c.ivl(),
          c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "usn" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), i32(v), c.type(), c.queue(), c.due(), c.ivl(),
          c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "type" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), (int) (u32(v) & 0xFF), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "queue" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), (byte) i32(v), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "due" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), i32(v),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "ivl" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          (int) u32(v), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "factor" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), (int) (u32(v) & 0xFFFF), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "reps" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), (int) u32(v), c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "lapses" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), (int) u32(v), c.left(), c.odue(), c.odid(), c.flags(), c.data());
      case "left" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), (int) u32(v), c.odue(), c.odid(), c.flags(), c.data());
      case "odue" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), i32(v), c.odid(), c.flags(), c.data());
      case "odid" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), v, c.flags(), c.data());
      case "flags" -> new Card(c.id(), c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(),
          c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(), c.odue(), c.odid(), (int) (u32(v) & 0xFF), c.data());
      default -> c;
    };
  }

  /** The core's check when a card arrives from Python: type and queue must be known values. */
  public static void validate(Card c) {
    if (c.type() < 0 || c.type() > 3) throw new AnkiException.InvalidInput("invalid card type");
    if (c.queue() < -3 || c.queue() > 4) throw new AnkiException.InvalidInput("invalid card queue");
  }

  private static long u32(long v) {
    if (v < 0 || v > U32_MAX) throw outOfRange(v);
    return v;
  }

  private static int i32(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw outOfRange(v);
    return (int) v;
  }

  private static AnkiException outOfRange(long v) {
    return new AnkiException.InvalidInput("Value out of range: " + v);
  }
}
