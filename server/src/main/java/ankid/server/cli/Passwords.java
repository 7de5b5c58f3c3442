package ankid.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a password: with echo off on a terminal, else the first line of standard input (for scripts). */
final class Passwords {
  private Passwords() {}

  static char[] read(String prompt, boolean confirm) {
    java.io.Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("%s", prompt);
      if (first == null || first.length == 0) throw new CliFailure(ExitCodes.FAILED, "no password given");
      if (confirm) {
        char[] again = console.readPassword("Again: ");
        if (!Arrays.equals(first, again)) throw new CliFailure(ExitCodes.FAILED, "the passwords differ");
      }
      return first;
    }
    return readLine("password");
  }

  /** A value from standard input (the first line), or from the terminal with echo. */
  static String line(String prompt) {
    java.io.Console console = System.console();
    if (console != null) return console.readLine("%s", prompt);
    return new String(readLine("user name"));
  }

  private static char[] readLine(String what) {
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) throw new CliFailure(ExitCodes.FAILED, "no " + what + " on standard input");
      return line.toCharArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
