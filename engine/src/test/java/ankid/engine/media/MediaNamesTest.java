package ankid.engine.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Media file names (rslib/src/media/files.rs, {@code normalize_filename}) and Anki's own normalize
 * tests.
 */
class MediaNamesTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(quoteCharacter = '`', value = {
    "foo.jpg, foo.jpg",
    "`con.jpg[]><:\"/?*^\\|\u0000\r\n`, con_.jpg", // Anki's test vector
    "`test.`, `test._`",
    "`test `, `test _`",
    "con.txt, con_.txt",
    "NUL, NUL_",
    "Com1.mp3, Com1_.mp3",
    "console.txt, console.txt", // only the exact device name, before a dot or the end
    "LPT0.txt, LPT0.txt",
    "`a\u00A0b.png`, `a b.png`",
    "`e\u0301.png`, é.png",
    "`x\u007F\u001Fy.png`, xy.png",
    "`\u05F8a.png`, a.png", // unassigned
    "`\uD83E\uDD70.png`, .png", // U+1F970 (Unicode 11) is unassigned in Anki's Unicode 10 data
    "`\uD83D\uDE00.png`, `\uD83D\uDE00.png`", // U+1F600 (Unicode 6.1) stays
    "`\uE000.png`, `\uE000.png`", // private use is assigned
  })
  void normalizes(String name, String expected) {
    assertThat(MediaNames.normalize(name)).isEqualTo(expected);
    assertThat(MediaNames.isNormalized(expected)).isTrue();
  }

  @Test
  void longNamesAreCutTo120BytesKeepingTheExtension() {
    assertThat(MediaNames.normalize("x".repeat(240) + ".jpg")).isEqualTo("x".repeat(115) + ".jpg");
    assertThat(MediaNames.normalize("x".repeat(119))).isEqualTo("x".repeat(119));
    assertThat(MediaNames.normalize("x".repeat(120))).isEqualTo("x".repeat(120));
    assertThat(MediaNames.normalize("x".repeat(121))).isEqualTo("x".repeat(118));
    // the extension is capped at 10 bytes
    assertThat(MediaNames.normalize("s".repeat(200) + "." + "e".repeat(30)))
        .isEqualTo("s".repeat(108) + "." + "e".repeat(10));
    // cuts fall on character boundaries (é is 2 bytes in UTF-8)
    assertThat(MediaNames.normalize("é".repeat(100) + ".mp3")).isEqualTo("é".repeat(57) + ".mp3");
    // a cut that leaves a trailing space gets '_' (no extension: stem capped at 120 - 2 bytes)
    assertThat(MediaNames.normalize("a".repeat(117) + " " + "b".repeat(10))).isEqualTo("a".repeat(117) + " _");
  }

  @Test
  void clashingContentGetsTheSha1InTheName() throws Exception {
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(MediaNames.withHashSuffix("test.jpg", sha1))
        .isEqualTo("test-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg");
    // the stem keeps 120 - 41 (hash and dash) - 3 (extension) - 2 bytes
    assertThat(MediaNames.withHashSuffix("x".repeat(120) + ".jpg", sha1))
        .isEqualTo("x".repeat(74) + "-aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "../x.png", "a/b.png", "a\\b.png", "/etc/passwd", "C:x.png", "nul\u0000.png", ".", "..", "???"})
  void unsafeNamesAreRefused(String name) {
    assertThatThrownBy(() -> MediaNames.requireSafe(name)).isInstanceOf(InvalidMediaNameException.class);
    assertThatThrownBy(() -> MediaNames.resolve(Path.of("/tmp/media"), name))
        .isInstanceOf(InvalidMediaNameException.class);
  }

  @Test
  void safeNamesResolveInsideTheFolder() {
    assertThat(MediaNames.requireSafe("con.txt")).isEqualTo("con_.txt");
    assertThat(MediaNames.requireSafe("..x")).isEqualTo("..x");
    assertThat(MediaNames.resolve(Path.of("/tmp/media"), "a b?.png")).isEqualTo(Path.of("/tmp/media/a b.png"));
  }
}
