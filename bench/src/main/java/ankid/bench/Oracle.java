package ankid.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Anki engine (anki-oracle: Anki 2.1.66's Rust core) timed from outside: each command runs
 * in its own process, and the caller subtracts the time of the same command with no work (JVM and
 * engine start, opening the collection) to get the engine's time for the work alone. CPU time is
 * the process's user plus system time, from the shell's {@code times}.
 */
final class Oracle {
  /** Wall and CPU milliseconds of one run. */
  record Run(double wallMs, double cpuMs) {}

  private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

  private final Path launcher;

  Oracle(Path launcher) {
    this.launcher = launcher;
  }

  /** Runs {@code anki-oracle args…} with stdout into {@code out}; fails unless it exits 0. */
  Run run(Path out, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        "\"$@\" >\"$ORACLE_OUT\"; status=$?; times >&2; exit $status", "oracle", launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("ORACLE_OUT", out.toString());
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    if (exit != 0) throw new IOException("anki-oracle " + String.join(" ", args) + " failed (" + exit + "): " + err);
    // times prints the shell's own times, then its children's: the last pair is the oracle's.
    Matcher m = TIMES.matcher(err);
    double cpu = Double.NaN;
    while (m.find()) cpu = minutesSeconds(m.group(1), m.group(2)) + minutesSeconds(m.group(3), m.group(4));
    return new Run(wall, cpu);
  }

  private static double minutesSeconds(String minutes, String seconds) {
    return (Integer.parseInt(minutes) * 60 + Double.parseDouble(seconds)) * 1000;
  }
}
