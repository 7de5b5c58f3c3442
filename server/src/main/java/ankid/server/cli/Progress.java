package ankid.server.cli;

import java.io.PrintStream;

/**
 * A progress bar on stderr when a person is watching (a terminal), silence otherwise, so scripts
 * get only the final summary line. Redraws at most ten times a second.
 */
public final class Progress implements ankid.engine.Progress {
  private static final int WIDTH = 30;
  private final PrintStream err;
  private final boolean terminal;
  private long lastDraw;
  private int lastLength;

  public Progress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** A bar when stdin and stdout are a terminal (what {@link System#console()} tells on Java 17). */
  public static Progress forThisProcess() {
    return new Progress(System.err, System.console() != null);
  }

  @Override
  public void report(String stage, long done, long total) {
    if (!terminal) return;
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && done < total) return;
    lastDraw = now;
    String line;
    if (total > 0) {
      int filled = (int) Math.min(WIDTH, WIDTH * done / total);
      line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
          + Math.min(100, 100 * done / total) + "% " + stage;
    } else {
      line = stage + " " + done;
    }
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
    err.flush();
  }

  /** Clears the bar; the caller then prints its one-line summary. */
  public void done() {
    if (!terminal || lastLength == 0) return;
    err.print("\r" + " ".repeat(lastLength) + "\r");
    err.flush();
    lastLength = 0;
  }
}
