package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import java.nio.file.Path;
import java.time.Clock;

/**
 * .apkg and .colpkg, as current Anki reads and writes them (rslib import_export/package/): the
 * engine's entry points for importing and exporting (backups: {@link ankid.engine.backup.Backups}). Every import is one transaction
 * with its media moved in only after the commit; every export writes a temporary file and renames
 * it over the destination when complete.
 */
public final class Packages {
  private Packages() {}

  /** Merges an .apkg (any version, or the collection of a .colpkg) into the collection. */
  public static ImportLog importApkg(Collection col, Path apkg, ImportOptions options, Progress progress) {
    return ApkgImport.run(col, apkg, options, PackageLimits.DEFAULT, false, progress);
  }

  /** As {@link #importApkg}, listing every note in the log as Anki's import log shows it. */
  public static ImportLog importApkgWithDetails(Collection col, Path apkg, ImportOptions options, Progress progress) {
    return ApkgImport.run(col, apkg, options, PackageLimits.DEFAULT, true, progress);
  }

  public static ImportLog importApkg(Collection col, Path apkg, ImportOptions options, PackageLimits limits,
      Progress progress) {
    return ApkgImport.run(col, apkg, options, limits, false, progress);
  }

  /** The options the last import used, which Anki offers again (its import dialog's presets). */
  public static ImportOptions rememberedImportOptions(Collection col) {
    return col.read(ApkgImport::rememberedOptions);
  }

  /** Writes a deck (with subdecks) or the whole collection as an .apkg. */
  public static ExportReport exportApkg(Collection col, Path out, ExportOptions options, Progress progress) {
    return ApkgExport.run(col, out, options, progress);
  }

  /** Writes the whole collection as a LATEST .colpkg, with or without the media folder. */
  public static ExportReport exportColpkg(Collection col, Path out, boolean includeMedia, Progress progress) {
    return ColpkgExport.run(col, out, includeMedia, false, progress);
  }

  /** As {@link #exportColpkg(Collection, Path, boolean, Progress)}, legacy (schema 11) when asked. */
  public static ExportReport exportColpkg(Collection col, Path out, boolean includeMedia, boolean legacy,
      Progress progress) {
    return ColpkgExport.run(col, out, includeMedia, legacy, progress);
  }

  /**
   * Writes a LATEST .colpkg without media from a copy of a collection file that nothing else uses
   * (rslib package/colpkg/export.rs, {@code export_colpkg_from_data}, which a backup writes from
   * the copy it took), compressing on one core as befits work in the background.
   */
  public static void writeColpkg(Path collectionCopy, Path out, Clock clock) {
    ColpkgExport.write(collectionCopy, out, PackageVersion.LATEST, clock, null, true, Progress.NONE);
  }

  /**
   * Unpacks and checks a .colpkg beside {@code collectionFile} and stages its media; install it
   * with {@link ColpkgImport#install} once the current collection is closed (and backed up).
   */
  public static ColpkgImport prepareColpkgImport(Path colpkg, Path collectionFile, Path mediaFolder,
      java.time.Clock clock, Progress progress) {
    return ColpkgImport.prepare(colpkg, collectionFile, mediaFolder, clock, PackageLimits.DEFAULT, progress);
  }

  /**
   * Whether a file holds a whole collection rather than decks: {@code .colpkg}, and as Anki's
   * desktop also treats them, {@code collection.apkg} and {@code backup-*.apkg}
   * (qt/aqt/import_export/importing.py).
   */
  public static boolean isCollectionPackage(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".colpkg") || name.equals("collection.apkg")
        || (name.startsWith("backup-") && name.endsWith(".apkg"));
  }
}
