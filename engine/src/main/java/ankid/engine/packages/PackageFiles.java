package ankid.engine.packages;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Output files appear whole or not at all (rslib {@code new_tempfile_in_parent_of} and
 * {@code atomic_rename}): a package is written to a temporary file beside its destination and
 * renamed over it when complete.
 */
final class PackageFiles {
  /** Writes the content of a file at a temporary path. */
  @FunctionalInterface
  interface Writer<T> {
    T write(Path temp) throws IOException;
  }

  private PackageFiles() {}

  static <T> T writeAtomically(Path out, Writer<T> writer) {
    Path target = out.toAbsolutePath();
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      T result = writer.write(temp);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return result;
    } catch (IOException e) {
      throw PackageException.io("cannot write " + out, e);
    } finally {
      TempFiles.deleteQuietly(temp);
    }
  }

  static Path createTempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw PackageException.io("cannot create a temporary folder", e);
    }
  }
}
