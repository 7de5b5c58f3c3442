package ankid.server;

import ankid.engine.Collection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic backups while a server runs: every five minutes, as Anki desktop's timer
 * (qt/aqt/main.py, {@code on_periodic_backup_timer}), each open collection is backed up if it
 * changed since its last backup and no backup is younger than the minimum interval.
 */
public final class BackupTimer implements AutoCloseable {
  /** How often Anki looks whether a backup is due. */
  public static final Duration PERIOD = Duration.ofMinutes(5);

  private final Profiles profiles;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ankid-backup-timer");
    t.setDaemon(true);
    return t;
  });

  private BackupTimer(Profiles profiles) {
    this.profiles = profiles;
  }

  /** Starts looking every {@code period}. */
  public static BackupTimer start(Profiles profiles, Duration period) {
    BackupTimer t = new BackupTimer(profiles);
    t.timer.scheduleWithFixedDelay(t::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return t;
  }

  /** One look: a backup of every open collection that is due one, written in the background. */
  public void tick() {
    for (Collection col : profiles.openCollections()) {
      if (!col.backups().settings().automatic()) continue;
      try {
        col.backups().maybeBackup(false);
      } catch (RuntimeException e) {
        System.err.println("ankid: periodic backup of " + col.path() + " failed: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
