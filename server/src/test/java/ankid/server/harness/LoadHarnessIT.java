package ankid.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harness on the built jar: a short form in CI (32 clients for 8 s); the long form (32
 * clients × 60 s) by {@code bench/load-harness.sh}, which sets {@code harness.form=long}.
 */
class LoadHarnessIT {
  @TempDir Path tmp;

  @Test
  void thirtyTwoClientsMixingReadsAndWritesGetNoErrorsAndLoseNothing() throws Exception {
    LoadHarness.Config config = HarnessForm.isLong()
        ? new LoadHarness.Config(HarnessForm.arg(0, 32), HarnessForm.arg(1, 60), 20261207L)
        : new LoadHarness.Config(32, 8, 20261207L);
    LoadHarness.Figures figures = LoadHarness.run(config, Files.createDirectories(tmp.resolve("base")), System.out);
    HarnessForm.report("load", figures.report());
    assertThat(figures.errors()).isEmpty();
    assertThat(figures.notesAcked()).isPositive();
    assertThat(figures.reviewsAcked()).isPositive();
    assertThat(figures.notesLost()).isZero();
    assertThat(figures.picturesLost()).isZero();
    assertThat(figures.reviewsLost()).isZero();
  }
}
