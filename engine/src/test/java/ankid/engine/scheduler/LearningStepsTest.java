package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LearningStepsTest {

  private static LearningSteps steps(String minutes) {
    List<Float> list = new ArrayList<>();
    for (String m : minutes.split(" ")) list.add(Float.parseFloat(m));
    return new LearningSteps(list);
  }

  @ParameterizedTest(name = "[{0}] remaining {1}: again {2}, hard {3}, good {4}")
  @CsvSource({
      "10, 1, 600, 900, ",
      "4320, 1, 259200, 345600, ",
      "1 10, 2, 60, 330, 600",
      "1 10, 1, 60, 600, ",
      "1 10 100, 3, 60, 330, 600",
      "1 10 100, 2, 60, 600, 6000",
      "1 10 100, 1, 60, 6000, ",
      "1 10, 1002, 60, 330, 600"})
  void delays(String minutes, int remaining, long again, long hard, Long good) {
    LearningSteps s = steps(minutes);
    assertThat(s.againDelaySecs()).isEqualTo(again);
    assertThat(s.hardDelaySecs(remaining)).isEqualTo(hard);
    assertThat(s.goodDelaySecs(remaining)).isEqualTo(good);
  }

  @ParameterizedTest(name = "hard on first step of [{0}] = {1}")
  @CsvSource({"1439.98333 1440, 86399", "1440 2880, 172800"})
  void hardRoundsToWholeDaysOnlyAboveOneDay(String minutes, long hard) {
    // (86398 + 86400) / 2 = 86399 stays; (86400 + 172800) / 2 = 129600 → 172800
    assertThat(steps(minutes).hardDelaySecs(2)).isEqualTo(hard);
  }
}
