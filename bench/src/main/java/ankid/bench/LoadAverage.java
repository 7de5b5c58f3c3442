package ankid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages, printed so a reader can tell a quiet run from a noisy one. */
final class LoadAverage {
  private LoadAverage() {}

  static String read() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      String s = f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
      return Double.parseDouble(f[0]) > 2 ? s + " — busy: timings are noisy" : s;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
