package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guids (rslib/src/notes/mod.rs, {@code base91_u64}). */
class GuidTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(quoteCharacter = '"', value = {
    "1, b",
    "1234567890, saAKk",
    "-1, \"Rj&Z5m[>Zp\"", // 2^64 - 1: the value is unsigned
    "0, \"\"",
    "90, ~",
    "91, ba",
  })
  void encodesInBase91(long value, String expected) {
    assertThat(Guid.encode(value)).isEqualTo(expected == null ? "" : expected);
  }

  @Test
  void alphabetHas91DistinctCharacters() {
    assertThat(Guid.ALPHABET.chars().distinct().count()).isEqualTo(91);
    assertThat(Guid.ALPHABET).hasSize(91);
  }

  @Test
  void randomGuidsAreShortUniqueAndFromTheAlphabet() {
    Random seeded = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String guid = Guid.random(seeded);
      assertThat(guid.length()).isBetween(1, 10);
      assertThat(guid.chars()).allMatch(ch -> Guid.ALPHABET.indexOf(ch) >= 0);
      seen.add(guid);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(Guid.random()).isNotEqualTo(Guid.random());
  }
}
