package ankid.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which backups go, case for case as rslib collection/backup.rs tests {@code BackupFilter}. */
class BackupThinningTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static BackupFile backup(int year, int month, int day, int hour) {
    ZonedDateTime t = LocalDateTime.of(year, month, day, hour, 0).atZone(ZONE);
    return new BackupFile(Path.of(BackupFile.nameFor(t)), t);
  }

  private static ZonedDateTime midnight(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZONE);
  }

  /** rslib's {@code thinning_manual}: true means the backup is removed. */
  @Test
  void keepsTodayYesterdayThenOnePerDayWeekAndMonth() {
    Map<BackupFile, Boolean> backups = new LinkedHashMap<>();
    // grace period
    backups.put(backup(2022, 2, 22, 0), false);
    backups.put(new BackupFile(Path.of("other-name"), midnight(2022, 2, 22)), false);
    backups.put(backup(2022, 2, 21, 0), false);
    // daily
    backups.put(backup(2022, 2, 20, 6), true);
    backups.put(backup(2022, 2, 20, 18), false);
    backups.put(backup(2022, 2, 10, 0), false);
    backups.put(backup(2022, 2, 9, 0), false);
    // weekly
    backups.put(backup(2022, 2, 7, 0), true); // Monday, week already backed up
    backups.put(backup(2022, 2, 6, 1), true);
    backups.put(backup(2022, 2, 6, 2), false);
    backups.put(backup(2022, 1, 6, 0), false);
    // monthly
    backups.put(backup(2022, 1, 5, 0), true);
    backups.put(backup(2021, 12, 24, 0), false);
    backups.put(backup(2021, 12, 1, 0), true);
    backups.put(backup(2021, 11, 1, 0), true);

    List<BackupFile> obsolete = BackupThinning.obsolete(
        new ArrayList<>(backups.keySet()), midnight(2022, 2, 22), new BackupLimits(3, 2, 1, 30));

    assertThat(obsolete).containsExactlyElementsOf(
        backups.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
  }

  /**
   * rslib's {@code thinning_generic}: a backup every day for a year under the default limits keeps
   * two grace days, 12 days, the Sundays of 10 weeks and the last days of 9 months.
   */
  @Test
  void aYearOfDailyBackupsThinsToAnkisDefaults() {
    ZonedDateTime today = midnight(2022, 1, 1);
    BackupLimits limits = BackupLimits.ANKI_DEFAULTS;
    List<BackupFile> backups = new ArrayList<>();
    for (int i = 1; i < 366; i++) {
      ZonedDateTime t = today.minusDays(i);
      backups.add(new BackupFile(Path.of(BackupFile.nameFor(t)), t));
    }
    List<BackupFile> expected = new ArrayList<>();
    Iterator<BackupFile> it = backups.stream().skip(1 + limits.daily()).iterator();
    for (int w = 0; w < limits.weekly(); w++) {
      while (it.hasNext()) {
        BackupFile b = it.next();
        if (b.time().getDayOfWeek() == DayOfWeek.SUNDAY) break;
        expected.add(b);
      }
    }
    for (int m = 0; m < limits.monthly(); m++) {
      while (it.hasNext()) {
        BackupFile b = it.next();
        if (b.time().getMonth() != b.time().plusDays(1).getMonth()) break;
        expected.add(b);
      }
    }
    it.forEachRemaining(expected::add);

    assertThat(BackupThinning.obsolete(backups, today, limits)).containsExactlyElementsOf(expected);
  }

  @Test
  void zeroLimitsKeepOnlyTodayAndYesterday() {
    List<BackupFile> backups = List.of(backup(2022, 3, 10, 9), backup(2022, 3, 9, 23), backup(2022, 3, 8, 23));

    assertThat(BackupThinning.obsolete(backups, midnight(2022, 3, 10).plusHours(12), new BackupLimits(0, 0, 0, 30)))
        .containsExactly(backups.get(2));
  }
}
