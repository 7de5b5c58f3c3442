package ankid.engine.backup;

import java.nio.file.Path;

/**
 * Where a collection's backups go and which limits apply. A limit left null is the collection's own
 * (the {@code backups} config Anki's preferences write), else Anki's default.
 *
 * @param automatic whether backups are made without being asked for: periodically, when the
 *     collection is closed, and before changes that replace or reshape it (a full sync, importing a
 *     .colpkg, the first schema change since the last sync, Check Database)
 */
public record BackupSettings(Path folder, boolean automatic, Integer daily, Integer weekly, Integer monthly,
    Integer minimumIntervalMins) {

  /** Where Anki keeps a profile's backups: {@code backups/} beside the collection file. */
  public static Path folderFor(Path collectionFile) {
    return collectionFile.toAbsolutePath().getParent().resolve("backups");
  }

  /** Only made when asked for, into the profile's folder, with the collection's limits. */
  public static BackupSettings onDemand(Path collectionFile) {
    return new BackupSettings(folderFor(collectionFile), false, null, null, null, null);
  }

  BackupLimits limits(BackupLimits collection) {
    return new BackupLimits(
        daily != null ? daily : collection.daily(),
        weekly != null ? weekly : collection.weekly(),
        monthly != null ? monthly : collection.monthly(),
        minimumIntervalMins != null ? minimumIntervalMins : collection.minimumIntervalMins());
  }
}
