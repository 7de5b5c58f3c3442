package ankid.server;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.dbcheck.CheckDatabaseOutput;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Upkeep of a whole collection, the same for the API ({@code checkDatabase}, {@code createBackup},
 * {@code guiCheckDatabase}), the web UI and the command line ({@code ankid check}, {@code ankid
 * backup}).
 */
public final class Maintenance {
  private Maintenance() {}

  /**
   * Tools › Check Database, after a backup as Anki makes one first (qt/aqt/dbcheck.py,
   * {@code check_db}).
   */
  public static CheckDatabaseOutput checkDatabase(Collection col, Progress progress) {
    col.backups().createBeforeChange();
    return col.dbCheck().checkDatabase(progress);
  }

  /** What {@link #backupNow} did: the new backup, or the newest one when nothing changed since. */
  public record Backup(boolean created, Path file) {}

  /**
   * File › Create Backup (qt/aqt/main.py, {@code on_create_backup_now}): a backup now, whatever the
   * interval, unless the collection is unchanged since the last one; waits until it is written.
   */
  public static Backup backupNow(Collection col) {
    Optional<Path> made = col.backups().createNow();
    return made.isPresent() ? new Backup(true, made.get()) : new Backup(false, col.backups().newest().orElse(null));
  }
}
