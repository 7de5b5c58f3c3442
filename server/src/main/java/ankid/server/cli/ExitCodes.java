package ankid.server.cli;

/** The exit statuses of every command, as the README documents them. */
public final class ExitCodes {
  private ExitCodes() {}

  /** Done. */
  public static final int OK = 0;
  /** The work failed (bad file, engine error, error reply from the server); the message is on stderr. */
  public static final int FAILED = 1;
  /** The command line was wrong (picocli's own status for usage errors). */
  public static final int USAGE = 2;
  /** The collection is held by another program that is not an ankid server we can ask. */
  public static final int IN_USE = 3;
  /** A running server was needed (or found) but could not be reached. */
  public static final int UNREACHABLE = 4;
  /**
   * The request needs a confirmation that was not given (no terminal to ask on and no --yes, or the
   * answer was no): its preview was printed and nothing changed.
   */
  public static final int NOT_CONFIRMED = 5;
  /** {@code ankid check} found problems, and fixed them (as fsck reports errors it corrected). */
  public static final int PROBLEMS_FIXED = 6;
}
