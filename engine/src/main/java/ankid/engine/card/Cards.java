package ankid.engine.card;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.scheduler.BuryRules;
import ankid.engine.scheduler.CardRow;
import ankid.engine.storage.Db;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Single cards as records: lookups, saving a changed card as Anki's {@code update_card} does
 * (marked modified), and the queue changes of suspend / unsuspend (scheduler doc §14.1).
 */
public final class Cards {
  private final Collection col;

  public Cards(Collection col) {
    this.col = col;
  }

  private Db db() {
    return col.db();
  }

  public Optional<Card> get(long id) {
    return db().queryOne("select " + Card.COLUMNS + " from cards where id = ?", Card::fromRow, id);
  }

  /** Saves every column of an existing card, stamped with now and usn −1. */
  public Card update(Card card) {
    CardAttributes.validate(card);
    if (get(card.id()).isEmpty()) throw new AnkiException.NotFound("No such card: '" + card.id() + "'");
    Card c = card.modified(col.nowSecs());
    db().exec("update cards set nid = ?, did = ?, ord = ?, mod = ?, usn = ?, type = ?, queue = ?, due = ?, ivl = ?,"
            + " factor = ?, reps = ?, lapses = ?, left = ?, odue = ?, odid = ?, flags = ?, data = ? where id = ?",
        c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(),
        c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data(), c.id());
    return c;
  }

  /** Writes a card back exactly as given, {@code mod} and {@code usn} included (undo restores a saved row). */
  public void restore(Card c) {
    db().exec("update cards set nid = ?, did = ?, ord = ?, mod = ?, usn = ?, type = ?, queue = ?, due = ?, ivl = ?,"
            + " factor = ?, reps = ?, lapses = ?, left = ?, odue = ?, odid = ?, flags = ?, data = ? where id = ?",
        c.nid(), c.did(), c.ord(), c.mod(), c.usn(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(),
        c.lapses(), c.left(), c.odue(), c.odid(), c.flags(), c.data(), c.id());
  }

  /** Suspends the known cards among {@code ids}; already suspended ones are left untouched. */
  public void suspend(List<Long> ids) {
    saveQueues(BuryRules.suspend(rows(ids)));
  }

  /**
   * Anki's "restore buried and suspended cards": suspended and buried cards go back to the queue
   * their type implies. This is what unsuspending does, so it also unburies.
   */
  public void unsuspendAndUnbury(List<Long> ids) {
    List<CardRow> rows = rows(ids);
    List<CardRow> changed = new ArrayList<>(BuryRules.unsuspend(rows));
    changed.addAll(BuryRules.unbury(rows, false, false));
    saveQueues(changed);
  }

  /**
   * Restores every buried card's queue from its type without marking it modified, as Anki does
   * at the first use of a new day (rslib {@code scheduler/bury_and_suspend.rs},
   * {@code unbury_on_day_rollover}).
   */
  public void unburyOnDayRollover() {
    List<CardRow> buried = rows(db().queryLongs("select id from cards where queue in (-2, -3)"));
    for (CardRow row : BuryRules.unbury(buried, false, false)) {
      db().exec("update cards set queue = ? where id = ?", row.queue(), row.id());
    }
  }

  private List<CardRow> rows(List<Long> ids) {
    List<CardRow> out = new ArrayList<>();
    for (long id : new java.util.LinkedHashSet<>(ids)) get(id).ifPresent(c -> out.add(c.toRow()));
    return out;
  }

  private void saveQueues(List<CardRow> changed) {
    for (CardRow row : changed) {
      db().exec("update cards set queue = ?, mod = ?, usn = -1 where id = ?", row.queue(), col.nowSecs(), row.id());
    }
  }

  /** All cards of a note, by ordinal. */
  public List<Card> ofNote(long noteId) {
    return db().query("select " + Card.COLUMNS + " from cards where nid = ? order by ord", Card::fromRow, noteId);
  }

  /** Saves the scheduling columns the scheduler changed, marking the card modified (mod, usn -1). */
  public void saveSchedule(CardRow c) {
    db().exec("update cards set did = ?, type = ?, queue = ?, due = ?, ivl = ?, factor = ?, reps = ?,"
            + " lapses = ?, left = ?, odue = ?, odid = ?, data = ?, mod = ?, usn = -1 where id = ?",
        c.did(), c.type(), c.queue(), c.due(), c.ivl(), c.factor(), c.reps(), c.lapses(), c.left(),
        c.odue(), c.odid(), c.data().toJson(), col.nowSecs(), c.id());
  }

  /** The distinct notes of the given cards; unknown card ids contribute nothing. */
  public List<Long> noteIds(List<Long> cardIds) {
    java.util.Set<Long> out = new java.util.LinkedHashSet<>();
    for (long cid : cardIds) {
      long nid = db().queryLong("select nid from cards where id = ?", -1, cid);
      if (nid >= 0) out.add(nid);
    }
    return new ArrayList<>(out);
  }
}
