package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.scheduler.CardState.ReviewState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answer-button labels (rslib/src/scheduler/timespan.rs, {@code answer_button_time}). */
class IntervalLabelsTest {
  private static final long MONTH = 365L * 86_400 / 12;

  @ParameterizedTest(name = "{0}s → {1}")
  @CsvSource({"30, <30s", "70, <1m", "60, <1m", "330, <6m", "600, <10m", "900, <15m", "1200, 20m",
      "5400, 1.5h", "259200, 3d", "345600, 4d", "28080000, 10.7mo", "23328000, 8.9mo", "23587200, 9mo",
      "31536000, 1y", "47304000, 1.5y", "0, (end)"})
  void labels(long secs, String label) {
    assertThat(IntervalLabels.label(secs, 1200)).isEqualTo(label);
  }

  /** rslib scheduler/timespan.rs, test time_spans (not precise). */
  @ParameterizedTest(name = "{0}s → {1}")
  @CsvSource({"1, 1 second", "30.3, 30 seconds", "90, 1.5 minutes", "3888000, 1.5 months",
      "31449600, 12 months", "31536000, 1 year", "86400, 1 day", "259200, 3 days"})
  void timeSpansInWords(float secs, String words) {
    assertThat(IntervalLabels.timeSpan(secs)).isEqualTo(words);
  }

  @Test
  void withoutLearnAheadPrefix() {
    assertThat(IntervalLabels.label(30, 0)).isEqualTo("30s");
    assertThat(IntervalLabels.label(70, 0)).isEqualTo("1m");
    assertThat(IntervalLabels.span(1.1f * MONTH)).isEqualTo("1.1mo");
  }

  @Test
  void buttonSpacing() {
    SchedTimingToday timing = new SchedTimingToday(1000, 10, 1000 + 3600);
    ReviewState due = new ReviewState(1, 1, 2.5f, 0, false, null);
    NextStates n = StateMachine.next(due, Presets.unfuzzed(DeckPreset.DEFAULTS));
    String[] labels = IntervalLabels.describe(n, timing, 1200);
    assertThat(labels).containsExactly("<10m", "2d", "3d", "4d");
    DeckPreset hard1 = Presets.review(DeckPreset.DEFAULTS, 1.0f, 1.3f, 1f, 36500, 0f, false);
    assertThat(IntervalLabels.describe(StateMachine.next(due, Presets.unfuzzed(hard1)), timing, 1200)[1])
        .isEqualTo("1d");
  }

  @Test
  void learningDelayPastRolloverIsShownInDays() {
    SchedTimingToday timing = new SchedTimingToday(1000, 10, 1000 + 3600);
    CardState learning = new CardState.LearnState(1, 7200, 0, null);
    NextStates n = new NextStates(learning, learning, learning, learning, learning);
    assertThat(IntervalLabels.describe(n, timing, 1200)[0]).isEqualTo("1d");
  }
}
