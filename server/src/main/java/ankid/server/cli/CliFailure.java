package ankid.server.cli;

/** Ends a command with a one-line message on stderr and the given exit status (see {@link ExitCodes}). */
public final class CliFailure extends RuntimeException {
  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
