package ankid.engine.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removal of the scratch files an import or export leaves behind, whatever happened. */
final class TempFiles {
  private TempFiles() {}

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(TempFiles::deleteQuietly);
    } catch (IOException ignored) {
      // best effort: the OS cleans its temp folder eventually
    }
  }

  static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
