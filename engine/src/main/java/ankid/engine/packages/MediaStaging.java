package ankid.engine.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Media an import brings, written beside their final place under temporary names while the import
 * runs and moved into place only once the collection has committed; whatever is left when this is
 * closed (the import failed) is deleted, so a failed import leaves the media folder as it was.
 */
final class MediaStaging implements AutoCloseable {
  private record Staged(Path temp, Path target) {}

  private final Path folder;
  private final String prefix = ".ankid-import-" + UUID.randomUUID() + "-";
  private final List<Staged> staged = new ArrayList<>();

  MediaStaging(Path folder) {
    this.folder = folder;
  }

  /** Copies a packaged file, decompressed, to a temporary file in the media folder. */
  void stage(PackageArchive archive, PackagedMedia entry) {
    try {
      Files.createDirectories(folder);
      Path temp = folder.resolve(prefix + staged.size());
      staged.add(new Staged(temp, folder.resolve(entry.name())));
      archive.copyMedia(entry, temp);
    } catch (PackageException e) {
      throw e;
    } catch (IOException e) {
      throw PackageException.io("cannot write media file " + entry.name() + " into " + folder, e);
    }
  }

  int size() {
    return staged.size();
  }

  /** Moves every staged file to its name (replacing a file there, as Anki's atomic rename does). */
  void commit() {
    for (Staged s : staged) {
      try {
        Files.move(s.temp(), s.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw PackageException.io("cannot move imported media into place as " + s.target(), e);
      }
    }
    staged.clear();
  }

  @Override
  public void close() {
    for (Staged s : staged) TempFiles.deleteQuietly(s.temp());
    staged.clear();
  }
}
