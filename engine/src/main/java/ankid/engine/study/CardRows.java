package ankid.engine.study;

import ankid.engine.scheduler.CardData;
import ankid.engine.scheduler.CardRow;
import ankid.engine.storage.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads {@code cards} rows into the scheduler's {@link CardRow} and writes them back. */
public final class CardRows {
  private static final String COLUMNS =
      "id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data";

  private CardRows() {}

  public static Optional<CardRow> get(Db db, long cardId) {
    return db.queryOne("select " + COLUMNS + " from cards where id = ?", CardRows::map, cardId);
  }

  /** All cards of a note, by ordinal. */
  public static List<CardRow> ofNote(Db db, long noteId) {
    return db.query("select " + COLUMNS + " from cards where nid = ? order by ord", CardRows::map, noteId);
  }

  /** Saves the scheduling columns and marks the card modified (mod, usn -1). */
  public static void save(Db db, CardRow c, long mtimeSecs) {
    db.exec("update cards set did = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?,"
            + " lapses = ?, left = ?, odue = ?, odid = ?, data = ?, mod = ?, usn = -1 where id = ?",
        c.did(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(),
        c.odue(), c.odid(), c.data().toJson(), mtimeSecs, c.id());
  }

  private static CardRow map(ResultSet rs) throws SQLException {
    return new CardRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
        rs.getInt(12), rs.getInt(13), rs.getLong(14), rs.getInt(15), CardData.parse(rs.getString(16)));
  }
}
