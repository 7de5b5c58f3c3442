package ankid.server.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmSettingsTest {
  @TempDir Path dir;

  private Path config(String json) throws Exception {
    return Files.writeString(dir.resolve("ankid.json"), json);
  }

  @Test
  void unsetTheApiIsAnkiConnectButMcpStillConfirmsDestructiveTools() {
    ConfirmSettings s = ConfirmSettings.read(null, null);
    assertThat(s).isEqualTo(new ConfirmSettings(ConfirmMode.OFF, ConfirmMode.DESTRUCTIVE, Duration.ofMinutes(5)));
  }

  @Test
  void theConfigFileSetsBothModesAndTheExpiry() throws Exception {
    ConfirmSettings s = ConfirmSettings.read(config("{\"confirm\": \"modifying\", \"confirmExpiry\": 60}"), null);
    assertThat(s).isEqualTo(new ConfirmSettings(ConfirmMode.MODIFYING, ConfirmMode.MODIFYING, Duration.ofSeconds(60)));
  }

  @Test
  void anExplicitOffTurnsItOffForMcpToo() throws Exception {
    assertThat(ConfirmSettings.read(config("{\"confirm\": \"off\"}"), null).mcp()).isEqualTo(ConfirmMode.OFF);
  }

  @Test
  void theFlagWinsOverTheFile() throws Exception {
    assertThat(ConfirmSettings.read(config("{\"confirm\": \"off\"}"), ConfirmMode.DESTRUCTIVE).api())
        .isEqualTo(ConfirmMode.DESTRUCTIVE);
  }

  @Test
  void aBadValueIsAnError() throws Exception {
    Path file = config("{\"confirm\": \"sometimes\"}");
    assertThatThrownBy(() -> ConfirmSettings.read(file, null))
        .hasMessage("confirm must be destructive, modifying or off, not 'sometimes'");
  }
}
