package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.backup.BackupSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config file's "backups" object. */
class BackupConfigTest {
  private static final Path COLLECTION = Path.of("/base/User 1/collection.anki2");

  @Test
  void withoutTheKeyBackupsAreAutomaticInTheProfilesFolderWithTheCollectionsLimits() {
    BackupSettings s = BackupConfig.read(json("{}")).settingsFor("User 1", COLLECTION);

    assertThat(s).isEqualTo(new BackupSettings(Path.of("/base/User 1/backups"), true, null, null, null, null));
  }

  @Test
  void givenLimitsOverrideTheCollections() {
    BackupSettings s = BackupConfig.read(json("""
        {"backups": {"minimumIntervalMins": 60, "daily": 3, "weekly": 2, "monthly": 1}}
        """)).settingsFor("User 1", COLLECTION);

    assertThat(s).isEqualTo(new BackupSettings(Path.of("/base/User 1/backups"), true, 3, 2, 1, 60));
  }

  @Test
  void aFolderHoldsOneSubfolderPerProfile() {
    BackupSettings s = BackupConfig.read(json("""
        {"backups": {"folder": "/srv/backups", "enabled": false}}
        """)).settingsFor("User 1", COLLECTION);

    assertThat(s.folder()).isEqualTo(Path.of("/srv/backups/User 1"));
    assertThat(s.automatic()).isFalse();
  }

  @Test
  void badValuesAreRefusedWithTheirKey() {
    assertThatThrownBy(() -> BackupConfig.read(json("""
        {"backups": {"daily": -1}}
        """))).hasMessage("backups.daily must be a whole number, 0 or more");
    assertThatThrownBy(() -> BackupConfig.read(json("""
        {"backups": {"dayly": 3}}
        """))).hasMessage("unknown key backups.dayly");
  }
}
