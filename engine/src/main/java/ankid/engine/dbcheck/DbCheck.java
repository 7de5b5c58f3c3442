package ankid.engine.dbcheck;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.storage.InvalidIds;

/**
 * Tools › Check Database (rslib/src/dbcheck.rs, {@code check_database}): SQLite's quick check, then
 * the file rebuilt, then in one transaction every check Anki makes, each repairing what it finds
 * as Anki does. The collection is locked throughout.
 */
public final class DbCheck {
  /** The progress stages, in Anki's words (ftl/core/database-check.ftl). */
  static final String CHECKING_INTEGRITY = "Checking collection...";
  static final String REBUILDING = "Rebuilding...";
  static final String CHECKING_CARDS = "Checking cards...";
  static final String CHECKING_NOTES = "Checking notes...";
  static final String CHECKING_HISTORY = "Checking history...";

  /** database-check-corrupt: what Anki says when SQLite's own check fails. */
  public static final String CORRUPT = "Collection file is corrupt. Please restore from an automatic backup.";

  private final Collection col;

  public DbCheck(Collection col) {
    this.col = col;
  }

  /** Checks and repairs the collection; returns what was found (no problems: nothing was wrong). */
  public CheckDatabaseOutput checkDatabase(Progress progress) {
    return col.read(c -> {
      progress.report(CHECKING_INTEGRITY, 0, 0);
      if (c.db().quickCheckCorrupt()) throw new AnkiException(CORRUPT);
      progress.report(REBUILDING, 0, 0);
      c.db().optimize();
      return c.write(w -> run(w, progress));
    });
  }

  private static CheckDatabaseOutput run(Collection col, Progress progress) {
    CheckDatabaseOutput.Counts out = new CheckDatabaseOutput.Counts();
    // cards first, as notes can only be checked with readable cards
    progress.report(CHECKING_CARDS, 0, 0);
    CardChecks cards = new CardChecks(col, out);
    cards.fixProperties();
    cards.deleteOrphaned();
    DeckChecks decks = new DeckChecks(col, out);
    decks.recoverMissingDecks();
    cards.leaveOriginalDeckOutsideFilteredDecks();
    new NoteChecks(col, out, progress).run();
    progress.report(CHECKING_HISTORY, 0, 0);
    fixRevlog(col, out);
    decks.addMissingParents();
    updateNextNewPosition(col);
    out.invalidIds = fixIdsInTheFuture(col);
    return out.output();
  }

  private static void fixRevlog(Collection col, CheckDatabaseOutput.Counts out) {
    int fixed = col.revlog().fixProperties();
    if (fixed > 0) {
      col.markSchemaModified();
      out.revlogPropertiesInvalid = fixed;
    }
  }

  /**
   * {@code nextPos} one past the highest new card position ({@code update_next_new_position}); 0
   * when there is no new card, or the position is not a u32 as Anki reads it.
   */
  private static void updateNextNewPosition(Collection col) {
    long next = col.cards().store().nextNewPosition().orElse(0);
    if (next < 0 || next > 0xFFFF_FFFFL) next = 0;
    if (col.config().getLong(NEXT_POS, -1) != next) col.config().set(NEXT_POS, next);
  }

  private static final String NEXT_POS = "nextPos";

  /**
   * Notes, cards and reviews stamped more than a day ahead get ids from now on, their cards and
   * reviews following ({@code maybe_fix_invalid_ids}); returns how many there were.
   */
  static int fixIdsInTheFuture(Collection col) {
    long now = col.nowMillis();
    long tomorrow = now + 24 * 60 * 60 * 1000L;
    int invalid = (int) InvalidIds.count(col.db(), tomorrow);
    if (invalid > 0) {
      InvalidIds.fix(col.db(), tomorrow, now);
      col.markSchemaModified();
    }
    return invalid;
  }
}
