package ankid.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Bytes that are not UTF-8 read as Rust reads them (its str::from_utf8 and String::from_utf8_lossy). */
class RustStrUtf8Test {
  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  @Test
  void wellFormedTextIsUtf8() {
    assertThat(RustStr.isUtf8("niño 😀".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    assertThat(RustStr.isUtf8(hex("eda080"))).isFalse();
  }

  /** The example of Rust's own documentation of from_utf8_lossy. */
  @Test
  void aCutFourByteCharacterIsOneReplacement() {
    assertThat(RustStr.fromUtf8Lossy(hex("48656c6c6f20f09080576f726c64"))).isEqualTo("Hello \uFFFDWorld");
  }

  @Test
  void anEncodedSurrogateIsThreeReplacements() {
    assertThat(RustStr.fromUtf8Lossy(hex("61eda08062"))).isEqualTo("a\uFFFD\uFFFD\uFFFDb");
  }

  @Test
  void anOverlongFormIsOneReplacementPerByte() {
    assertThat(RustStr.fromUtf8Lossy(hex("c0af"))).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void aCharacterCutOffAtTheEndIsOneReplacement() {
    assertThat(RustStr.fromUtf8Lossy(hex("41e282"))).isEqualTo("A\uFFFD");
  }

  @Test
  void aLeadByteNotContinuedIsOneReplacement() {
    assertThat(RustStr.fromUtf8Lossy(hex("c328"))).isEqualTo("\uFFFD(");
  }
}
