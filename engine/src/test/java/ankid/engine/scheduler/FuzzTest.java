package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzTest {

  @Test
  void chachaFirstWordsMatchRand() {
    AnkiRng rng = AnkiRng.seedFromU64(0);
    int[] expected = {0xcd2c6f7f, 0xbb2a3fb2, 0x8e27697b, 0xc6017c94, 0xcf310a16, 0x069dc102,
        0xabe5f6d0, 0x958b761d};
    for (int word : expected) assertThat(rng.nextU32()).isEqualTo(word);
    AnkiRng other = AnkiRng.seedFromU64(1700000000000L);
    for (int word : new int[] {0x152722f9, 0xa7a79210, 0x2975822f, 0x3a1bd073}) {
      assertThat(other.nextU32()).isEqualTo(word);
    }
  }

  /** Words at the ends of ChaCha blocks (16 words each) and of rand_chacha's four-block buffers. */
  @Test
  void streamRunsThroughBlocksInCounterOrder() {
    AnkiRng rng = AnkiRng.seedFromU64(42);
    int[] words = new int[140];
    for (int i = 0; i < words.length; i++) words[i] = rng.nextU32();
    assertThat(words[15]).isEqualTo(-647459429);
    assertThat(words[16]).isEqualTo(-1591966882);
    assertThat(words[63]).isEqualTo(-478954240);
    assertThat(words[64]).isEqualTo(-295258199);
    assertThat(words[139]).isEqualTo(254875159);
  }

  @Test
  void streamContinuesAcrossBlockRefills() {
    AnkiRng a = AnkiRng.seedFromU64(7);
    for (int i = 0; i < 64; i++) a.nextU32();
    AnkiRng b = AnkiRng.seedFromU64(7);
    for (int i = 0; i < 64; i++) b.nextU32();
    assertThat(a.nextU32()).isEqualTo(b.nextU32());
  }

  @ParameterizedTest(name = "random_position({0}) = {1}")
  @CsvSource({"5, 180", "500, 13", "5001, 3731"})
  void uniformMatchesAnkisRandomPosition(long p, long expected) {
    assertThat(AnkiRng.seedFromU64(p).uniformU32(1, Math.max(p, 1000))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}: f={1}, steps {2}/{3}/{4}")
  @CsvSource({
      "0, 0.8014592, 72, 720, 2040",
      "1, 0.8249526, 72, 723, 2047",
      "2, 0.0811881, 61, 612, 1824",
      "42, 0.1334097, 62, 620, 1840",
      "1000, 0.9981904, 74, 749, 2099",
      "1700000000000, 0.0826284, 61, 612, 1824",
      "1700000000001, 0.4788051, 67, 671, 1943",
      "1234567890123, 0.4018525, 66, 660, 1920",
      "1234567890124, 0.0699463, 61, 610, 1820"})
  void derivedFuzzVectors(long seed, float factor, long s60, long s600, long s1800) {
    assertThat(Fuzz.factor(seed)).isCloseTo(factor, within(1e-7f));
    assertThat(Fuzz.learning(seed, 60)).isEqualTo(s60);
    assertThat(Fuzz.learning(seed, 600)).isEqualTo(s600);
    assertThat(Fuzz.learning(seed, 1800)).isEqualTo(s1800);
  }

  @Test
  void graduatingEasyExample() {
    float f = Fuzz.factor(Fuzz.seed(1234567890123L, 0));
    assertThat(Fuzz.review(f, 4f, 1, 36500)).isEqualTo(4);
  }

  @ParameterizedTest(name = "fuzz({0},{1},{2}) = {3}/{4}/{5}")
  @CsvSource({
      "1.0, 1, 1000, 1, 1, 1", "2.49, 1, 1000, 2, 2, 2", "2.5, 1, 1000, 2, 3, 4",
      "7.0, 1, 1000, 5, 7, 9", "17.0, 1, 1000, 14, 17, 20", "37.0, 1, 1000, 33, 37, 41",
      "2.0, 2, 1000, 2, 2, 2", "2.0, 3, 1000, 3, 4, 4", "2.0, 3, 3, 3, 3, 3",
      "6.9, 3, 1000, 5, 7, 9", "7.0, 3, 1000, 5, 7, 9", "7.1, 3, 1000, 5, 7, 9",
      "19.9, 3, 1000, 17, 20, 23", "20.0, 3, 1000, 17, 20, 23", "20.1, 3, 1000, 17, 20, 23",
      "100, 101, 1000, 101, 105, 108", "100, 1, 99, 92, 96, 99", "100, 97, 103, 97, 100, 103"})
  void reviewFuzzVectors(float x, long lo, long hi, long f0, long f50, long f99) {
    assertThat(Fuzz.review(0f, x, lo, hi)).isEqualTo(f0);
    assertThat(Fuzz.review(0.5f, x, lo, hi)).isEqualTo(f50);
    assertThat(Fuzz.review(0.99f, x, lo, hi)).isEqualTo(f99);
  }

  @ParameterizedTest(name = "no fuzz ({0},{1},{2}) = {3}")
  @CsvSource({"1.5, 1, 100, 2", "0.1, 1, 100, 1", "101, 1, 100, 100"})
  void disabledFuzzRoundsAndClamps(float x, long lo, long hi, long expected) {
    assertThat(Fuzz.review(null, x, lo, hi)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "minfuzz({0}, prev {1}) = {2}")
  @CsvSource({"2.7269483, 4, 4", "2.7269483, 5, 0", "4.591988, 4, 5"})
  void fsrsMinimumVectors(float x, long prev, long expected) {
    assertThat(ReviewTransitions.minFuzz(x, prev, 36500)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "t={0}: lapses {1} leech={2}")
  @CsvSource({
      "3,0,false", "3,1,false", "3,2,false", "3,3,true", "3,4,false", "3,5,true", "3,6,false",
      "3,7,true", "8,7,false", "8,8,true", "8,9,false", "8,10,false", "8,11,false", "8,12,true",
      "8,13,false", "1,0,false", "1,1,true", "1,2,true", "1,3,true", "0,5,false"})
  void leechThresholds(long threshold, long lapses, boolean leech) {
    assertThat(StateContext.leechThresholdMet(lapses, threshold)).isEqualTo(leech);
  }
}
