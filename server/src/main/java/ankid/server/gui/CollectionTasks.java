package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.packages.ImportOptions;
import ankid.engine.packages.Packages;
import ankid.server.Maintenance;
import ankid.server.Profiles;
import java.nio.file.Path;

/**
 * The long collection operations the Import and Check Database screens run in the background,
 * each returning the summary Anki shows when it is done.
 */
final class CollectionTasks {
  private CollectionTasks() {}

  /**
   * File › Import as Anki's desktop runs it (qt/aqt/import_export/importing.py,
   * {@code import_file}): a collection package replaces the collection (after a backup); any other
   * package is merged with the options the last import used, which Anki's import dialog offers.
   */
  static String importFile(Profiles profiles, Path file) {
    if (replacesCollection(file)) return profiles.replaceCollection(file, Progress.NONE).summary();
    Collection col = profiles.collection();
    ImportOptions options = Packages.rememberedImportOptions(col);
    return Packages.importApkg(col, file, options, Progress.NONE).summary();
  }

  static boolean replacesCollection(Path file) {
    return Packages.isCollectionPackage(file);
  }

  /**
   * Tools › Check Database, after a backup, as checkDatabase runs it: the problems found and fixed,
   * then "Database rebuilt and optimized."
   */
  static String checkDatabase(Collection col) {
    return Maintenance.checkDatabase(col, Progress.NONE).summary();
  }
}
