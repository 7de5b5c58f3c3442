package ankid.engine.backup;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which backups to delete (rslib collection/backup.rs, {@code BackupFilter}). Going from the newest
 * back: every backup of today and yesterday is kept; then the newest of each day until
 * {@code daily} days are kept, then the newest of each week until {@code weekly} weeks, then the
 * newest of each month until {@code monthly} months; everything older, and every other backup of a
 * day, week or month already kept, goes.
 */
public final class BackupThinning {
  private enum Stage { DAILY, WEEKLY, MONTHLY }

  private final int yesterday;
  private int lastKeptDay = Integer.MAX_VALUE;
  private int lastKeptWeek = Integer.MAX_VALUE;
  private int lastKeptMonth = Integer.MAX_VALUE;
  private int daily;
  private int weekly;
  private int monthly;
  private final List<BackupFile> obsolete = new ArrayList<>();

  private BackupThinning(ZonedDateTime today, BackupLimits limits) {
    this.yesterday = new BackupFile(null, today).day() - 1;
    this.daily = limits.daily();
    this.weekly = limits.weekly();
    this.monthly = limits.monthly();
  }

  /** The backups to delete, newest first, given the local time now. */
  public static List<BackupFile> obsolete(List<BackupFile> backups, ZonedDateTime now, BackupLimits limits) {
    BackupThinning filter = new BackupThinning(now, limits);
    List<BackupFile> newestFirst = new ArrayList<>(backups);
    newestFirst.sort(Comparator.comparingLong((BackupFile b) -> b.time().toEpochSecond())
        .thenComparing(b -> b.path().getFileName().toString())
        .reversed());
    for (BackupFile backup : newestFirst) filter.consider(backup);
    return List.copyOf(filter.obsolete);
  }

  private void consider(BackupFile backup) {
    if (backup.day() >= yesterday) {
      markFresh(null, backup);
    } else if (daily > 0) {
      markFreshOrObsolete(Stage.DAILY, backup);
    } else if (weekly > 0) {
      markFreshOrObsolete(Stage.WEEKLY, backup);
    } else if (monthly > 0) {
      markFreshOrObsolete(Stage.MONTHLY, backup);
    } else {
      obsolete.add(backup);
    }
  }

  private void markFreshOrObsolete(Stage stage, BackupFile backup) {
    boolean keep = switch (stage) {
      case DAILY -> backup.day() < lastKeptDay;
      case WEEKLY -> backup.week() < lastKeptWeek;
      case MONTHLY -> backup.month() < lastKeptMonth;
    };
    if (keep) {
      markFresh(stage, backup);
    } else {
      obsolete.add(backup);
    }
  }

  private void markFresh(Stage stage, BackupFile backup) {
    lastKeptDay = backup.day();
    lastKeptWeek = backup.week();
    lastKeptMonth = backup.month();
    if (stage == Stage.DAILY) daily--;
    if (stage == Stage.WEEKLY) weekly--;
    if (stage == Stage.MONTHLY) monthly--;
  }
}
