package ankid.engine.packages;

import ankid.engine.AnkiException;

/**
 * A package Anki would refuse, with Anki's wording ({@code ImportError::message} in rslib
 * {@code import_export/mod.rs}, strings from {@code ftl/core/importing.ftl} and {@code errors.ftl}),
 * followed by what exactly was wrong so a person can tell a truncated download from a hostile file.
 */
public final class PackageException extends AnkiException {
  /** {@code importing-the-provided-file-is-not-a}. */
  public static final String CORRUPT = "The provided file is not a valid .apkg file.";
  /** {@code errors-collection-too-new}. */
  public static final String TOO_NEW = "This collection requires a newer version of Anki to open.";
  /** {@code importing-cannot-merge-notetypes-of-different-kinds}. */
  public static final String NOTETYPE_KIND_MERGE_CONFLICT =
      "Cloze note types cannot be merged with regular note types.\n"
          + "You may still import the file with 'Merge note types' disabled.";
  /** {@code errors-invalid-ids}. */
  public static final String INVALID_IDS = "This deck contains timestamps in the future. Please contact the deck author"
      + " and ask them to fix the issue.";

  private PackageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Not a package Anki can read: bad zip, missing or damaged collection, unsafe media map. */
  public static PackageException corrupt(String detail) {
    return corrupt(detail, null);
  }

  public static PackageException corrupt(String detail, Throwable cause) {
    return new PackageException(CORRUPT + " (" + detail + ")", cause);
  }

  /** A {@code meta} entry naming a version this Anki does not know. */
  public static PackageException tooNew(String detail) {
    return new PackageException(TOO_NEW + " (" + detail + ")", null);
  }

  public static PackageException notetypeKindMergeConflict() {
    return new PackageException(NOTETYPE_KIND_MERGE_CONFLICT, null);
  }

  /** Export refused: a note, card or review id lies more than a day in the future. */
  public static PackageException invalidIds() {
    return new PackageException(INVALID_IDS, null);
  }

  /** Reading or writing a file failed; the message names the file. */
  public static PackageException io(String what, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new PackageException(what + ": " + reason, cause);
  }
}
