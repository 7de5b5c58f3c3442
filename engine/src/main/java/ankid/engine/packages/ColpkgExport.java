package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import java.nio.file.Path;

/**
 * Writes a .colpkg, the whole collection as current Anki backs it up and exports it (rslib
 * package/colpkg/export.rs, {@code export_colpkg}): a consistent copy of the collection file
 * (schema 18, or downgraded to 11 for the legacy layout), the decoy, and with media every file of
 * the media folder. Only the copy is made while the collection is locked.
 */
final class ColpkgExport {
  private ColpkgExport() {}

  static ExportReport run(Collection col, Path out, boolean includeMedia, boolean legacy, Progress progress) {
    PackageVersion version = legacy ? PackageVersion.LEGACY_2 : PackageVersion.LATEST;
    Path temp = PackageFiles.createTempDirectory("ankid-colpkg");
    try {
      Path copy = temp.resolve("collection.anki2");
      progress.report("Copying collection", 0, 0);
      long[] counts = col.read(c -> {
        c.copyTo(copy);
        return new long[] {c.db().queryLong("select count() from notes", 0), c.db().queryLong("select count() from cards", 0)};
      });
      if (legacy) Collection.open(copy, col.clock()).closeDowngraded();
      int mediaFiles = write(copy, out, version, col.clock(), includeMedia ? col.mediaFolder() : null, false, progress);
      return new ExportReport(out, ApkgExport.size(out), counts[0], counts[1], mediaFiles, version);
    } finally {
      TempFiles.deleteTree(temp);
    }
  }

  /**
   * Writes {@code out} from a copy of a collection file that nothing else uses, with the media of
   * {@code mediaFolder} unless it is null; returns how many media files went in. A {@code
   * background} write compresses on one core.
   */
  static int write(Path copy, Path out, PackageVersion version, java.time.Clock clock, Path mediaFolder,
      boolean background, Progress progress) {
    byte[] dummy = DummyCollection.bytes(clock);
    return PackageFiles.writeAtomically(out, zip -> {
      try (PackageWriter writer = background ? new PackageWriter(zip, version).onOneCore()
          : new PackageWriter(zip, version)) {
        writer.writeMeta();
        writer.writeCollection(copy);
        writer.writeDummy(dummy);
        if (mediaFolder != null) {
          ApkgExport.writeMedia(writer, mediaFolder, ApkgExport.folderNames(mediaFolder), version.zstdCompressed(), progress);
        }
        writer.finish();
        return writer.mediaCount();
      }
    });
  }
}
