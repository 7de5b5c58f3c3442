package ankid.engine.card;

import ankid.engine.scheduler.CardData;
import ankid.engine.scheduler.CardRow;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the {@code cards} table, every column as stored (format doc §5.7): {@code mod} in
 * seconds, {@code factor} in permille, {@code data} the raw JSON text.
 */
public record Card(
    long id,
    long nid,
    long did,
    int ord,
    long mod,
    int usn,
    int type,
    int queue,
    int due,
    int ivl,
    int factor,
    int reps,
    int lapses,
    int left,
    int odue,
    long odid,
    int flags,
    String data) {

  public static final int QUEUE_SUSPENDED = CardRow.QUEUE_SUSPENDED;

  /** The column list {@link #fromRow} reads, in order. */
  static final String COLUMNS =
      "id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data";

  static Card fromRow(ResultSet rs) throws SQLException {
    return new Card(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getInt(6),
        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
        rs.getInt(14), rs.getInt(15), rs.getLong(16), rs.getInt(17), rs.getString(18));
  }

  public boolean isSuspended() {
    return queue == QUEUE_SUSPENDED;
  }

  /** The deck whose preset schedules the card: its original deck while in a filtered deck. */
  public long homeDeckId() {
    return odid != 0 ? odid : did;
  }

  /** The scheduler's view of this row. */
  public CardRow toRow() {
    return new CardRow(id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags,
        CardData.parse(data));
  }

  /** This card with the scheduling columns of {@code row} (the scheduler never changes ids or data text here). */
  public Card withSchedule(CardRow row) {
    return new Card(id, nid, row.did(), ord, mod, usn, row.type(), row.queue(), row.due(), row.ivl(), row.factor(),
        row.reps(), row.lapses(), row.left(), row.odue(), row.odid(), row.flags(), data);
  }

  public Card withFactor(int newFactor) {
    return new Card(id, nid, did, ord, mod, usn, type, queue, due, ivl, newFactor, reps, lapses, left, odue, odid,
        flags, data);
  }

  /** Marked as changed locally, as Anki's {@code set_modified}: the sync code picks up usn −1. */
  public Card modified(long nowSecs) {
    return new Card(id, nid, did, ord, nowSecs, -1, type, queue, due, ivl, factor, reps, lapses, left, odue, odid,
        flags, data);
  }
}
