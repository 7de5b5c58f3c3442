package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in filters ({@code rslib/src/template_filters.rs}). */
class FiltersTest {
  private static final Filters.Context QUESTION = new Filters.Context(0, true, true);

  private static String apply(String text, String fieldName, String... filters) {
    Filters.Result result = Filters.apply(text, List.of(filters), fieldName, QUESTION);
    assertThat(result.remaining()).isEmpty();
    return result.text();
  }

  @Test
  void t28_rubyFilters() {
    assertThat(apply("test first[second] third[fourth]", "F", "kana")).isEqualTo("testsecondfourth");
    assertThat(apply("test first[second] third[fourth]", "F", "kanji")).isEqualTo("testfirstthird");
    assertThat(apply("first[second]", "F", "furigana")).isEqualTo("<ruby><rb>first</rb><rt>second</rt></ruby>");
  }

  @Test
  void rubyFiltersLeaveSoundTagsAndTurnNbspIntoSpaces() {
    assertThat(apply("a[sound:x.mp3]", "F", "kana")).isEqualTo("a[sound:x.mp3]");
    assertThat(apply("日本&nbsp;語[ご]", "F", "furigana")).isEqualTo("日本<ruby><rb>語</rb><rt>ご</rt></ruby>");
  }

  @Test
  void t29_hint() {
    assertThat(apply("foo", "field", "hint")).isEqualTo("\n<a class=hint href=\"#\"\n"
        + "onclick=\"this.style.display='none';\n"
        + "document.getElementById('hint83fe48607f0f3a66').style.display='block';\n"
        + "return false;\" draggable=false>\nfield</a>\n"
        + "<div id=\"hint83fe48607f0f3a66\" class=hint style=\"display: none\">foo</div>\n");
    assertThat(apply(" \n", "field", "hint")).isEqualTo(" \n");
  }

  @Test
  void t30_typeFilters() {
    assertThat(apply("x", "Front", "type")).isEqualTo("[[type:Front]]");
    assertThat(apply("x", "Text", "cloze", "type")).isEqualTo("[[type:cloze:Text]]");
    assertThat(apply("x", "Text", "nc", "type")).isEqualTo("[[type:nc:Text]]");
    assertThat(apply("x", "Text", "some", "unknown", "type")).isEqualTo("[[type:Text]]");
  }

  @Test
  void t31_tts() {
    assertThat(apply("foo", "F", "tts en_US voices=Bob,Jane"))
        .isEqualTo("[anki:tts lang=en_US voices=Bob,Jane]foo[/anki:tts]");
  }

  @Test
  void textFilterDecodesEntitiesStrictly() {
    assertThat(apply("<style>x</style>a&amp;b&nbsp;c<!-- d --><br>", "F", "text")).isEqualTo("a&b c");
    // one unknown entity leaves every entity as it was (htmlescape fails as a whole)
    assertThat(apply("<i>a&amp;b &bogus;</i>", "F", "text")).isEqualTo("a&amp;b &bogus;");
    assertThat(apply("&#x41;&#66;&lt;", "F", "text")).isEqualTo("AB<");
  }

  @Test
  void emptyFilterNameDoesNothing() {
    assertThat(apply("<b>x</b>", "F", "")).isEqualTo("<b>x</b>");
  }

  @Test
  void attributeEscaping() {
    assertThat(Html.escapeAttribute("a b<\"é€\n")).isEqualTo("a&#x20;b&lt;&quot;&#xE9;€&#x0A;");
    assertThat(Html.escapeMinimal("<a href='x'>&\"</a>")).isEqualTo("&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;");
  }

  /** Official BLAKE3 vectors: input bytes i % 251. */
  @ParameterizedTest
  @CsvSource({
      "0, af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
      "1, 2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
      "1023, 10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
      "1024, 42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
      "1025, d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
      "2048, e776b6028c7cd22a4d0ba182a8bf62205d2ef576467e838ed6f2529b85fba24a",
      "2049, 5f4d72f40d7a5f82b15ca2b2e44b1de3c2ef86c426c95c1af0b6879522563030",
      "3072, b98cb0ff3623be03326b373de6b9095218513e64f1ee2edd2525c7ad1e5cffd2"})
  void blake3(int length, String expected) {
    byte[] input = new byte[length];
    for (int i = 0; i < length; i++) input[i] = (byte) (i % 251);
    assertThat(HexFormat.of().formatHex(Blake3.hash(input))).isEqualTo(expected);
  }

  @Test
  void blake3OfHintInput() {
    byte[] input = "foofield".getBytes(StandardCharsets.UTF_8);
    assertThat(HexFormat.of().formatHex(Blake3.hash(input))).startsWith("83fe48607f0f3a66");
  }
}
