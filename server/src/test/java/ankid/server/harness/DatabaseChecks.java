package ankid.server.harness;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Check Database on a copy of a collection as a crash left it (the file and its WAL, which SQLite
 * replays on open): by the real engine ({@code anki-oracle check}) when {@code ../shared} is there,
 * and by ankid's own {@code ankid check --json} when the jar has that command.
 */
final class DatabaseChecks {
  private final boolean oracle = SharedFiles.present();
  private final boolean ankid = hasCheckCommand();
  private int oracleRuns;
  private int ankidRuns;

  /** Which checks run, for the report. */
  String describe() {
    return (oracle ? "anki-oracle check (" + oracleRuns + " runs)" : "anki-oracle absent")
        + ", " + (ankid ? "ankid check (" + ankidRuns + " runs)" : "ankid check not in this build");
  }

  /** The problems found in a copy of the collection; empty when both engines find nothing to fix. */
  List<String> problems(Path collection, Path scratch) throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    if (oracle) {
      Path copy = copy(collection, scratch.resolve("oracle").resolve("User 1"));
      JsonNode found = Oracle.run("check", copy.toString()).ok().get("problems");
      found.forEach(p -> problems.add("anki-oracle: " + p.asText()));
      oracleRuns++;
    }
    if (ankid) {
      Path copy = copy(collection, scratch.resolve("ankid").resolve("User 1"));
      Process p = new ProcessBuilder(java(), "-jar", AnkidProcess.jar().toString(), "check", "--base",
          copy.getParent().getParent().toString(), "--json").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.MINUTES);
      JsonNode json = HarnessClient.JSON.readTree(out.substring(Math.max(0, out.indexOf('{'))));
      json.path("problems").forEach(x -> problems.add("ankid check: " + x.asText()));
      ankidRuns++;
    }
    return problems;
  }

  private static Path copy(Path collection, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(collection.getFileName());
    for (String suffix : List.of("", "-wal")) {
      Path from = collection.resolveSibling(collection.getFileName() + suffix);
      Path to = dir.resolve(collection.getFileName() + suffix);
      if (Files.exists(from)) Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      else Files.deleteIfExists(to);
    }
    return target;
  }

  private static boolean hasCheckCommand() {
    try {
      // picocli answers --help after an unknown command with the top-level usage and status 0
      Process p = new ProcessBuilder(java(), "-jar", AnkidProcess.jar().toString(), "check", "--help")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && out.contains("Usage: ankid check");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
