package ankid.engine.backup;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backup in the backup folder, known by its name: {@code backup-YYYY-MM-DD-HH.MM.SS.colpkg} in
 * local time (rslib collection/backup.rs, {@code BACKUP_FORMAT_STRING}). Files with other names are
 * not backups and are never thinned.
 */
public record BackupFile(Path path, ZonedDateTime time) {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'backup-'yyyy-MM-dd-HH.mm.ss'.colpkg'", Locale.ROOT);
  // chrono's parse_from_str reads numbers without requiring their padding.
  private static final Pattern PARSE =
      Pattern.compile("backup-(\\d{1,4})-(\\d{1,2})-(\\d{1,2})-(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,2})\\.colpkg");
  private static final long DAY_ONE_CE = java.time.LocalDate.of(1, 1, 1).toEpochDay();

  /** The name of a backup made at {@code time}, in that time's zone. */
  public static String nameFor(ZonedDateTime time) {
    return NAME.format(time);
  }

  /**
   * The backup a file name stands for, in {@code zone}. A local time that falls twice (clocks going
   * back) is the later instant, one that never happened (clocks going forward) is no backup: chrono's
   * {@code from_local_datetime(…).latest()} in {@code datetime_from_file_name}.
   */
  public static Optional<BackupFile> parse(Path path, ZoneId zone) {
    Matcher m = PARSE.matcher(path.getFileName().toString());
    if (!m.matches()) return Optional.empty();
    LocalDateTime local;
    try {
      local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
    if (zone.getRules().getValidOffsets(local).isEmpty()) return Optional.empty();
    return Optional.of(new BackupFile(path, ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap()));
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** Serial day number, 1 for 0001-01-01 (chrono's {@code num_days_from_ce}). */
  int day() {
    return (int) (time.toLocalDate().toEpochDay() - DAY_ONE_CE + 1);
  }

  /** Serial week number; weeks start on Monday (0001-01-01 was a Monday). */
  int week() {
    return (day() - 1) / 7;
  }

  /** Serial month number. */
  int month() {
    return time.getYear() * 12 + time.getMonthValue();
  }
}
