package ankid.server.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which form a harness runs in: {@code short} in CI, {@code long} when {@code bench/*-harness.sh}
 * passes {@code -Dharness.form=long}, with its numbers in {@code -Dharness.args}. Figures go to
 * stdout and to {@code target/harness/<name>.txt}.
 */
final class HarnessForm {
  private HarnessForm() {}

  static boolean isLong() {
    return "long".equals(System.getProperty("harness.form"));
  }

  /** The i-th number of {@code harness.args}, or {@code dflt}. */
  static int arg(int i, int dflt) {
    String[] args = System.getProperty("harness.args", "").trim().split("\\s+");
    return args.length > i && !args[i].isEmpty() ? Integer.parseInt(args[i]) : dflt;
  }

  static void report(String name, String figures) throws IOException {
    System.out.println(figures);
    Path dir = Files.createDirectories(Path.of("target", "harness"));
    Files.writeString(dir.resolve(name + ".txt"), figures + System.lineSeparator());
  }
}
