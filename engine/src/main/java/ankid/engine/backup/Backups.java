package ankid.engine.backup;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.packages.Packages;
import ankid.engine.storage.ColStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Backups as Anki makes them (rslib/src/collection/backup.rs): a .colpkg of the collection without
 * media in the profile's {@code backups/} folder, named after the local time, then the folder
 * thinned to the limits. Only a consistent copy of the collection is taken under its lock; the
 * copy is compressed and written on a background thread, so a backup holds up other work for a
 * moment only. One backup is written at a time.
 */
public final class Backups {
  private static final Logger LOG = Logger.getLogger(Backups.class.getName());
  private static final String SNAPSHOT_PREFIX = ".snapshot-";

  private final Collection col;
  private final ThreadPoolExecutor writer;
  private volatile BackupSettings settings;
  /** {@code col.mod} when the last backup's copy was taken, or −1 (rslib's {@code last_backup_modified}). */
  private long lastBackupModified = -1;
  private long configuredModified = -1;
  private PendingBackup pending;

  public Backups(Collection col) {
    this.col = col;
    this.settings = BackupSettings.onDemand(col.path());
    // one thread at most, gone while idle
    this.writer = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "ankid-backup " + col.path().getFileName());
      t.setDaemon(true);
      return t;
    });
  }

  public BackupSettings settings() {
    return settings;
  }

  /** Where and how backups are made from now on; copies a crash left in the folder are removed. */
  public void configure(BackupSettings newSettings) {
    settings = newSettings;
    configuredModified = col.read(c -> c.colTable().timestamps().modified());
    removeStaleSnapshots(newSettings.folder());
  }

  /** Whether the collection changed since {@link #configure} (since it was opened, for a profile). */
  public boolean changedSinceConfigured() {
    return col.read(c -> c.colTable().timestamps().modified() != configuredModified);
  }

  /** The limits in force: the settings' over the collection's own, over Anki's defaults. */
  public BackupLimits limits() {
    return settings.limits(col.read(c -> BackupLimits.fromCollectionConfig(c.config().get(BackupLimits.CONFIG_KEY))));
  }

  /**
   * rslib's {@code maybe_backup}: unless the collection is unchanged since the last backup, or
   * (when not {@code force}d) the folder holds a file younger than the minimum interval, takes a
   * copy now and writes it as a backup in the background.
   */
  public Optional<PendingBackup> maybeBackup(boolean force) {
    awaitPrevious();
    return col.read(c -> {
      if (!changedSinceLastBackup(c)) return Optional.empty();
      BackupLimits limits = limits();
      Path folder = settings.folder();
      createFolder(folder);
      if (!force && hasRecentBackup(folder, limits.minimumIntervalMins())) return Optional.empty();
      ZonedDateTime time = ZonedDateTime.now(c.clock());
      Path snapshot = snapshotPath(folder);
      c.copyFileTo(snapshot);
      lastBackupModified = c.colTable().timestamps().modified();
      Path file = freeName(folder, time);
      PendingBackup started = new PendingBackup(file,
          CompletableFuture.supplyAsync(() -> write(snapshot, file, limits), writer));
      synchronized (this) {
        pending = started;
      }
      return Optional.of(started);
    });
  }

  /**
   * A backup now, whenever the collection changed since the last one, waiting until it is written
   * (Anki's {@code create_backup_now}); returns its file, or nothing when there was no change.
   */
  public Optional<Path> createNow() {
    return maybeBackup(true).map(PendingBackup::await);
  }

  /**
   * The backup Anki makes before an operation that replaces or reshapes the whole collection (a
   * full sync, importing a .colpkg, Check Database): {@link #createNow} when backups are automatic.
   * Returns the backup holding the collection as it is now: the new one, or the newest when nothing
   * changed since; nothing when backups are not automatic.
   */
  public Optional<Path> createBeforeChange() {
    if (!settings.automatic()) return Optional.empty();
    return createNow().or(this::newest);
  }

  /** The newest backup in the folder. */
  public Optional<Path> newest() {
    List<BackupFile> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).path());
  }

  /**
   * Whether the change being made now needs a backup first: the first change since the last sync
   * that forces the next sync to be a full one, in a collection that changed since its last backup
   * and whose backups are automatic.
   */
  public boolean dueBeforeSchemaChange() {
    if (!settings.automatic()) return false;
    return col.read(c -> {
      ColStore.Timestamps stamps = c.colTable().timestamps();
      return stamps.schemaModified() <= stamps.lastSync() && changedSinceLastBackup(c);
    });
  }

  /** Waits for the backup being written, if any; its failure is thrown here. */
  public void awaitCompletion() {
    PendingBackup p;
    synchronized (this) {
      p = pending;
    }
    if (p != null) p.await();
  }

  /** The backups in the folder, newest first. */
  public List<BackupFile> list() {
    List<BackupFile> out = backupsIn(settings.folder());
    out.sort(Comparator.comparing(BackupFile::time).reversed());
    return out;
  }

  /** Two backups within a second would share a name: the later takes the next free second. */
  private synchronized Path freeName(Path folder, ZonedDateTime time) {
    Path file = folder.resolve(BackupFile.nameFor(time));
    while (Files.exists(file) || (pending != null && pending.file().equals(file))) {
      time = time.plusSeconds(1);
      file = folder.resolve(BackupFile.nameFor(time));
    }
    return file;
  }

  private boolean changedSinceLastBackup(Collection c) {
    return lastBackupModified != c.colTable().timestamps().modified();
  }

  /** The previous backup finishes first, as rslib's backend awaits it; its outcome was reported already. */
  private void awaitPrevious() {
    try {
      awaitCompletion();
    } catch (RuntimeException e) {
      // the one who started it was told, or the log was
    }
  }

  private Path write(Path snapshot, Path file, BackupLimits limits) {
    try {
      Packages.writeColpkg(snapshot, file, col.clock());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "backup " + file + " failed: " + e.getMessage(), e);
      throw e;
    } finally {
      deleteQuietly(snapshot);
    }
    thin(file.getParent(), limits);
    return file;
  }

  /** Deletes the backups the limits no longer keep (rslib's {@code thin_backups}). */
  private void thin(Path folder, BackupLimits limits) {
    for (BackupFile obsolete : BackupThinning.obsolete(backupsIn(folder), ZonedDateTime.now(col.clock()), limits)) {
      try {
        Files.deleteIfExists(obsolete.path());
      } catch (IOException e) {
        LOG.warning("cannot remove the old backup " + obsolete.path() + ": " + e.getMessage());
      }
    }
  }

  private List<BackupFile> backupsIn(Path folder) {
    List<BackupFile> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) return out;
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(f -> BackupFile.parse(f, col.clock().getZone()).ifPresent(out::add));
    } catch (IOException e) {
      throw new AnkiException("cannot read the backup folder " + folder + ": " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Whether any file in the folder was created less than {@code minutes} ago (rslib's
   * {@code has_recent_backup}, which looks at every file, not only backups).
   */
  private boolean hasRecentBackup(Path folder, int minutes) {
    Instant now = col.clock().instant();
    Duration recent = Duration.ofMinutes(minutes);
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> {
        try {
          Instant created = Files.readAttributes(f, BasicFileAttributes.class).creationTime().toInstant();
          return !created.isAfter(now) && Duration.between(created, now).compareTo(recent) < 0;
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException e) {
      throw new AnkiException("cannot read the backup folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new AnkiException("cannot create the backup folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Path snapshotPath(Path folder) {
    try {
      Path p = Files.createTempFile(folder, SNAPSHOT_PREFIX, ".anki2");
      Files.delete(p); // the copy writes a new file
      return p;
    } catch (IOException e) {
      throw new AnkiException("cannot write into the backup folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void removeStaleSnapshots(Path folder) {
    if (!Files.isDirectory(folder)) return;
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName().toString().startsWith(SNAPSHOT_PREFIX)).forEach(Backups::deleteQuietly);
    } catch (IOException ignored) {
      // a stale copy costs only space
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale copy costs only space
    }
  }
}
