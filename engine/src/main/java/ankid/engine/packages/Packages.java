package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * .apkg and .colpkg, as current Anki reads and writes them (rslib import_export/package/): the
 * engine's entry points for importing, exporting and backing up. Every import is one transaction
 * with its media moved in only after the commit; every export writes a temporary file and renames
 * it over the destination when complete.
 */
public final class Packages {
  /** rslib collection/backup.rs {@code BACKUP_FORMAT_STRING}, local time. */
  private static final DateTimeFormatter BACKUP_NAME =
      DateTimeFormatter.ofPattern("'backup-'yyyy-MM-dd-HH.mm.ss'.colpkg'", Locale.ROOT);

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
   * A backup as Anki makes one (rslib collection/backup.rs): a .colpkg of the collection without
   * media, named {@code backup-YYYY-MM-DD-HH.MM.SS.colpkg} after the local time, in {@code folder}.
   */
  public static Path backup(Collection col, Path folder) {
    LocalDateTime now = LocalDateTime.ofInstant(col.clock().instant(), col.clock().getZone());
    Path file = folder.resolve(BACKUP_NAME.format(now));
    try {
      java.nio.file.Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw PackageException.io("cannot create the backup folder " + folder, e);
    }
    exportColpkg(col, file, false, Progress.NONE);
    return file;
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
