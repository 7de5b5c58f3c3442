package ankid.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Backup names as rslib's {@code BACKUP_FORMAT_STRING} writes and reads them. */
class BackupFileTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void namesCarryTheLocalTimeToTheSecond() {
    assertThat(BackupFile.nameFor(LocalDateTime.of(2024, 3, 7, 9, 5, 2).atZone(BERLIN)))
        .isEqualTo("backup-2024-03-07-09.05.02.colpkg");
  }

  @Test
  void aNameReadsBackAsTheSameInstant() {
    var t = LocalDateTime.of(2024, 12, 31, 23, 59, 59).atZone(BERLIN);
    assertThat(BackupFile.parse(Path.of("/b/" + BackupFile.nameFor(t)), BERLIN).orElseThrow().time()).isEqualTo(t);
  }

  @Test
  void otherFilesAreNotBackups() {
    assertThat(BackupFile.parse(Path.of("backup-2024-03-07-09.05.02.apkg"), BERLIN)).isEmpty();
    assertThat(BackupFile.parse(Path.of("backup-2024-13-07-09.05.02.colpkg"), BERLIN)).isEmpty();
    assertThat(BackupFile.parse(Path.of("notes.txt"), BERLIN)).isEmpty();
  }

  @Test
  void aLocalTimeThatHappenedTwiceIsTheLaterOne() {
    // Clocks went back from 03:00 CEST to 02:00 CET on 2024-10-27.
    var t = BackupFile.parse(Path.of("backup-2024-10-27-02.30.00.colpkg"), BERLIN).orElseThrow().time();
    assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
  }

  @Test
  void aLocalTimeThatNeverHappenedIsNoBackup() {
    // Clocks went forward from 02:00 CET to 03:00 CEST on 2024-03-31.
    assertThat(BackupFile.parse(Path.of("backup-2024-03-31-02.30.00.colpkg"), BERLIN)).isEmpty();
  }
}
