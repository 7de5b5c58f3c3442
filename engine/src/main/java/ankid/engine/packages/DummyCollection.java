package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import ankid.engine.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The decoy {@code collection.anki2} current Anki puts into both of its package formats (rslib
 * package/colpkg/export.rs, {@code create_dummy_collection_file}): a small schema-11 collection
 * whose one note asks the user to update, so that Anki versions which cannot read the real entry
 * show that instead of importing nothing. Built once per process.
 */
final class DummyCollection {
  /** {@code exporting-colpkg-too-new} in ftl/core/exporting.ftl. */
  static final String TEXT = "Please update to the latest Anki version, then import the .colpkg/.apkg file again.";

  private static byte[] cached;

  private DummyCollection() {}

  static synchronized byte[] bytes(Clock clock) {
    if (cached == null) cached = build(clock);
    return cached;
  }

  private static byte[] build(Clock clock) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ankid-dummy");
      Path file = dir.resolve("collection.anki2");
      Collection col = Collection.open(file, clock);
      try {
        col.write(c -> {
          Notetype basic = c.notetypes().byName("Basic").orElseThrow();
          return c.notes().add(c.notes().draft(basic, List.of(TEXT, ""), List.of()), 1);
        });
      } catch (RuntimeException e) {
        col.close();
        throw e;
      }
      col.closeDowngraded();
      Storage.compact(file, 512);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw PackageException.io("cannot build the collection.anki2 decoy", e);
    } finally {
      TempFiles.deleteTree(dir);
    }
  }
}
