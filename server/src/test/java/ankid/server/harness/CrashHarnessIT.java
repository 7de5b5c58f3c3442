package ankid.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness on the built jar: a short form in CI (60 writes, 4 kills); the long form (1,000
 * writes, 50 kills) by {@code bench/crash-harness.sh}, which sets {@code harness.form=long}.
 */
class CrashHarnessIT {
  @TempDir Path tmp;

  @Test
  void everyAcknowledgedWriteSurvivesSigkillAndNoRequestIsHalfApplied() throws Exception {
    CrashHarness.Config config = HarnessForm.isLong()
        ? new CrashHarness.Config(HarnessForm.arg(0, 1000), HarnessForm.arg(1, 50), HarnessForm.arg(2, 4), 20261207L)
        : new CrashHarness.Config(60, 4, 3, 20261207L);
    CrashHarness.Figures figures = CrashHarness.run(config, Files.createDirectories(tmp.resolve("base")), System.out);
    HarnessForm.report("crash", figures.report());
    assertThat(figures.violations()).isEmpty();
    assertThat(figures.checkProblems()).isEmpty();
    assertThat(figures.kills()).isEqualTo(config.kills());
    assertThat(figures.writesFound()).isEqualTo(figures.writesAcked()).isPositive();
    assertThat(figures.halfApplied()).isZero();
  }
}
