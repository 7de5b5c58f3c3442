package ankid.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz harness on the built jar: a short form in CI (3,000 requests); the long form (100,000)
 * by {@code bench/fuzz-harness.sh}, which sets {@code harness.form=long}.
 */
class FuzzHarnessIT {
  @TempDir Path tmp;

  @Test
  void everyGeneratedRequestIsAnsweredAndRejectedOnesChangeNothing() throws Exception {
    FuzzHarness.Config config = new FuzzHarness.Config(HarnessForm.isLong() ? HarnessForm.arg(0, 100_000) : 3_000,
        20261207L);
    FuzzHarness.Figures figures = FuzzHarness.run(config, tmp.resolve("base"), System.out);
    HarnessForm.report("fuzz", figures.report());
    assertThat(figures.violations()).isEmpty();
    assertThat(figures.aliveAtEnd()).isTrue();
    assertThat(figures.answered()).isEqualTo(config.requests());
    assertThat(figures.rejectedWritesChecked()).isPositive();
  }
}
