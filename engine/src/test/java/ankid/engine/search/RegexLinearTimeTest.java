package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Patterns that make a backtracking engine take exponential time (or overflow its stack) answer
 * as Rust answers them, at once. The timeouts only catch a hang; speed is measured in bench/.
 */
class RegexLinearTimeTest {
  private static final Duration HANG = Duration.ofSeconds(10);

  private static boolean find(String pattern, String text) {
    return assertTimeoutPreemptively(HANG, () -> RustRegex.compile(pattern).matcher(text).find());
  }

  @Test
  void nestedRepetitionOnALongFieldWithoutAMatch() {
    assertThat(find("(x+x+)+y", "x".repeat(5000))).isFalse();
  }

  @Test
  void nestedRepetitionOnALongFieldWithAMatch() {
    assertThat(find("(x+x+)+y", "x".repeat(5000) + "y")).isTrue();
  }

  @Test
  void repeatedDotStarGroupsAnchoredAtTheEnd() {
    assertThat(find("(.*a){12}$", "a".repeat(32) + "b")).isFalse();
    assertThat(find("(.*a){12}$", "a".repeat(32))).isTrue();
  }

  @Test
  void overlappingAlternativesOnALongFieldDoNotOverflowTheStack() {
    assertThat(find("(a|aa)+$", "a".repeat(5000))).isTrue();
    assertThat(find("(a|aa)+$", "a".repeat(5000) + "b")).isFalse();
  }

  @Test
  void unicodePerlClassesAreRustsNotRe2sAsciiOnes() {
    assertThat(find("^\\w+$", "niño")).isTrue();
    assertThat(find("^\\d$", "\u0663")).isTrue();
    assertThat(find("^\\s$", "\u3000")).isTrue();
    assertThat(find("\\W", "ñ")).isFalse();
    assertThat(find("[\\w-]+x", "é-x")).isTrue();
  }

  @Test
  void aWordBoundaryNextToAccentedLettersIsUnicodes() {
    assertThat(find("\\bcafé\\b", "un café bien")).isTrue();
    assertThat(find("\\bcaf\\b", "café")).isFalse();
  }

  @Test
  void aWordBoundaryPatternThatBacktracksTooLongFailsInsteadOfStalling() {
    // only the backtracking engine can take \b on accented text; it gives up instead of hanging
    assertThatThrownBy(() -> find("(x+x+)+y\\b", "é" + "x".repeat(5000)))
        .isInstanceOf(RegexTooSlowException.class);
  }

  @Test
  void classesInsideClassesStillMatchAsInRust() {
    assertThat(find("^[a-z&&[^aeiou]]+$", "xyz")).isTrue();
    assertThat(find("^[a-z&&[^aeiou]]+$", "xaz")).isFalse();
  }
}
