package ankid.engine.dbcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * What Check Database found and fixed (rslib/src/dbcheck.rs, {@code CheckDatabaseOutput}), and the
 * problems as Anki reports them: English, in Anki's order, one line each
 * (ftl/core/database-check.ftl; numbers plain, without Fluent's isolation marks).
 */
public record CheckDatabaseOutput(
    int notetypesRecovered,
    int cardPositionTooHigh,
    int cardPropertiesInvalid,
    int cardLastReviewTimeEmpty,
    int cardsMissingNote,
    int decksMissing,
    int fieldCountMismatch,
    int cardOrdsDuplicated,
    int templatesMissing,
    int revlogPropertiesInvalid,
    int invalidUtf8,
    int invalidIds) {

  /** Nothing found. */
  public static final CheckDatabaseOutput NONE = new CheckDatabaseOutput(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** database-check-rebuilt: the line Anki adds after the problems, and shows alone when there are none. */
  public static final String REBUILT = "Database rebuilt and optimized.";

  /**
   * What Anki shows when the check is done (pylib/anki/collection.py, {@code fix_integrity}): the
   * problems, then {@link #REBUILT}, one per line.
   */
  public String summary() {
    List<String> lines = new ArrayList<>(problems());
    lines.add(REBUILT);
    return String.join("\n", lines);
  }

  /** rslib's {@code CheckDatabaseOutput::to_i18n_strings}. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (notetypesRecovered > 0) {
      out.add("One or more note types were missing. The notes that used them have been given new note types"
          + " starting with \"db-check\", but field names and card design have been lost, so you may be better"
          + " off restoring from an automatic backup.");
    }
    if (cardPositionTooHigh > 0) {
      out.add(plural(cardPositionTooHigh,
          "Found %d new card with a due number >= 1,000,000 - consider repositioning it in the Browse screen.",
          "Found %d new cards with a due number >= 1,000,000 - consider repositioning them in the Browse screen."));
    }
    if (cardPropertiesInvalid > 0) {
      out.add(plural(cardPropertiesInvalid, "Fixed %d invalid card property.", "Fixed %d invalid card properties."));
    }
    if (cardLastReviewTimeEmpty > 0) {
      out.add(plural(cardLastReviewTimeEmpty, "Added last review time to %d card.",
          "Added last review time to %d cards."));
    }
    if (cardsMissingNote > 0) {
      out.add(plural(cardsMissingNote, "Deleted %d card with missing note.", "Deleted %d cards with missing note."));
    }
    if (decksMissing > 0) {
      out.add(plural(decksMissing, "Fixed %d missing deck.", "Fixed %d missing decks."));
    }
    if (fieldCountMismatch > 0) {
      out.add(plural(fieldCountMismatch, "Fixed %d note with wrong field count.",
          "Fixed %d notes with wrong field count."));
    }
    if (cardOrdsDuplicated > 0) {
      out.add(plural(cardOrdsDuplicated, "Deleted %d card with duplicate template.",
          "Deleted %d cards with duplicate template."));
    }
    if (templatesMissing > 0) {
      out.add(plural(templatesMissing, "Deleted %d card with missing template.",
          "Deleted %d cards with missing template."));
    }
    if (revlogPropertiesInvalid > 0) {
      out.add(plural(revlogPropertiesInvalid, "Fixed %d review entry with invalid properties.",
          "Fixed %d review entries with invalid properties."));
    }
    if (invalidUtf8 > 0) {
      out.add(plural(invalidUtf8, "Fixed %d note with invalid utf8 characters.",
          "Fixed %d notes with invalid utf8 characters."));
    }
    if (invalidIds > 0) {
      out.add(plural(invalidIds, "Fixed %d object with timestamps in the future.",
          "Fixed %d objects with timestamps in the future."));
    }
    return out;
  }

  /** English's plural rule: "one" is exactly 1. */
  private static String plural(int count, String one, String other) {
    return String.format(java.util.Locale.ROOT, count == 1 ? one : other, count);
  }

  /** The counts while a check runs. */
  static final class Counts {
    int notetypesRecovered;
    int cardPositionTooHigh;
    int cardPropertiesInvalid;
    int cardLastReviewTimeEmpty;
    int cardsMissingNote;
    int decksMissing;
    int fieldCountMismatch;
    int cardOrdsDuplicated;
    int templatesMissing;
    int revlogPropertiesInvalid;
    int invalidUtf8;
    int invalidIds;

    CheckDatabaseOutput output() {
      return new CheckDatabaseOutput(notetypesRecovered, cardPositionTooHigh, cardPropertiesInvalid,
          cardLastReviewTimeEmpty, cardsMissingNote, decksMissing, fieldCountMismatch, cardOrdsDuplicated,
          templatesMissing, revlogPropertiesInvalid, invalidUtf8, invalidIds);
    }
  }
}
