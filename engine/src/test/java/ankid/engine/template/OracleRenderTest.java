package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.SharedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every card of the real-Anki fixtures renders byte-identically to Anki 2.1.66. */
class OracleRenderTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
      "real-anki25-spanish-with-scheduling.apkg",
      "real-anki25-example-deck.apkg",
      "legacy2-anki21-collection.colpkg",
      "legacy1-anki2-collection.colpkg",
      "legacy-media.apkg",
      "legacy-update1.apkg",
      "legacy-update2.apkg",
      "legacy-diffmodels2-1.apkg",
      "legacy-diffmodels2-2.apkg",
      "legacy-diffmodeltemplates-1.apkg",
      "legacy-diffmodeltemplates-2.apkg"})
  void fixtureRendersLikeAnki(String fixture) throws Exception {
    Path collection = SharedFiles.unpackCollection(fixture, tmp);
    OracleDifferential.Outcome outcome = OracleDifferential.compare(collection);
    System.out.println(fixture + ": " + outcome.matched() + " identical, excluded " + outcome.excluded());
    assertThat(outcome.mismatches()).isEmpty();
    assertThat(outcome.matched()).isPositive();
  }
}
