package ankid.engine.template;

import ankid.engine.note.NoteText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cloze engine ({@code rslib/src/cloze.rs}). */
class ClozesTest {

  private static String plain(String text, int ordinal, boolean question) {
    return NoteText.stripHtml(Clozes.render(text, ordinal, question));
  }

  @Test
  void t32_clozeFilter() {
    String text = "{{c1::one}} {{c2::two::hint}}";
    assertThat(Clozes.render(text, 1, true)).isEqualTo(
        "<span class=\"cloze\" data-cloze=\"one\" data-ordinal=\"1\">[...]</span> "
            + "<span class=\"cloze-inactive\" data-ordinal=\"2\">two</span>");
    assertThat(plain(text, 1, true)).isEqualTo("[...] two");
    assertThat(plain(text, 2, true)).isEqualTo("one [hint]");
    assertThat(plain(text, 2, false)).isEqualTo("one two");
    assertThat(Clozes.render(text, 3, true)).isEmpty();
  }

  /** An opener's numbers: leading zeros dropped, empty pieces and numbers beyond a u16 ignored. */
  @Test
  void openerNumbers() {
    assertThat(Clozes.numbers("{{c0::a}}{{c2,007,,99999,65536::b}}{{c1,::c}}{{c123456::d}}{{c000000::e}}{{c,::f}}{{c3"))
        .containsExactly(1, 2, 7);
    assertThat(Clozes.render("{{c2,007,,1::b}}", 7, true))
        .isEqualTo("<span class=\"cloze\" data-cloze=\"b\" data-ordinal=\"1,2,7\">[...]</span>");
  }

  @Test
  void t35_numbers() {
    assertThat(Clozes.numbers("test")).isEmpty();
    assertThat(Clozes.numbers("{{c2::te}}{{c1::s}}t{{")).containsExactly(1, 2);
    assertThat(Clozes.numbers("{{c0::te}}s{{c2::t}}s")).containsExactly(2);
    assertThat(Clozes.numbers("{{c2::te{{c1::s}}}}t{{")).containsExactly(1, 2);
    assertThat(Clozes.numbers("öaöaöööaö")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "foo|1|true|''",
      "foo {{c1::bar}}|1|true|...",
      "foo {{c1::bar::baz}}|1|true|baz",
      "foo {{c1::bar}}|1|false|bar",
      "foo {{c1::bar}}|2|false|''",
      "{{c1::foo}} {{c1::bar}}|1|false|foo, bar"})
  void t36_clozeOnly(String text, int ordinal, boolean question, String expected) {
    assertThat(Clozes.renderOnly(text, ordinal, question)).isEqualTo(expected);
  }

  @Test
  void t37_textForTyping() {
    assertThat(Clozes.textForTyping("{{c2::foo}}", 1)).isEmpty();
    assertThat(Clozes.textForTyping("{{c1::foo}} {{c1::bar}} {{c1::foo}}", 1)).isEqualTo("foo, bar, foo");
    assertThat(Clozes.textForTyping("{{c1::foo}} {{c1::foo}} {{c1::foo}}", 1)).isEqualTo("foo");
  }

  @Test
  void t38_nestedPlainText() {
    String text = "foo {{c1::bar {{c2::baz}}}}";
    assertThat(plain(text, 1, true)).isEqualTo("foo [...]");
    assertThat(plain(text, 1, false)).isEqualTo("foo bar baz");
    String hinted = "foo {{c1::bar {{c2::baz}}::qux}}";
    assertThat(plain(hinted, 2, true)).isEqualTo("foo bar [...]");
    assertThat(plain(hinted, 2, false)).isEqualTo("foo bar baz");
    assertThat(plain(hinted, 1, true)).isEqualTo("foo [qux]");
    assertThat(plain(hinted, 1, false)).isEqualTo("foo bar baz");
  }

  @Test
  void t39_nestedHtml() {
    String text = "foo {{c1::bar {{c2::baz}}}}";
    String dataCloze = "bar&#x20;&lt;span&#x20;class&#x3D;&quot;cloze&#x2D;inactive&quot;&#x20;data&#x2D;ordinal"
        + "&#x3D;&quot;2&quot;&gt;baz&lt;&#x2F;span&gt;";
    assertThat(Clozes.render(text, 1, true))
        .isEqualTo("foo <span class=\"cloze\" data-cloze=\"" + dataCloze + "\" data-ordinal=\"1\">[...]</span>");
    String answer = "foo <span class=\"cloze\" data-ordinal=\"1\">bar "
        + "<span class=\"cloze-inactive\" data-ordinal=\"2\">baz</span></span>";
    assertThat(Clozes.render(text, 1, false)).isEqualTo(answer);

    String hinted = "foo {{c1::bar {{c2::baz}}::qux}}";
    assertThat(Clozes.render(hinted, 2, true)).isEqualTo("foo <span class=\"cloze-inactive\" data-ordinal=\"1\">bar "
        + "<span class=\"cloze\" data-cloze=\"baz\" data-ordinal=\"2\">[...]</span></span>");
    assertThat(Clozes.render(hinted, 2, false)).isEqualTo("foo <span class=\"cloze-inactive\" data-ordinal=\"1\">bar "
        + "<span class=\"cloze\" data-ordinal=\"2\">baz</span></span>");
    assertThat(Clozes.render(hinted, 1, true))
        .isEqualTo("foo <span class=\"cloze\" data-cloze=\"" + dataCloze + "\" data-ordinal=\"1\">[qux]</span>");
    assertThat(Clozes.render(hinted, 1, false)).isEqualTo(answer);
  }

  @Test
  void t40_strip() {
    assertThat(Clozes.strip("The {{c1::moon::🌛}} {{c2::orbits::this hint has \"::\" in it}} the {{c3::🌏}}."))
        .isEqualTo("The moon orbits the 🌏.");
  }

  /** Rust's {@code \\d} is any decimal digit, so clozes numbered in other scripts are stripped too. */
  @Test
  void stripTakesDigitsOfAnyScript() {
    assertThat(Clozes.strip("{{c\u0661::one}} {{c1,2::two::hint}} {{c::none}}")).isEqualTo("one two {{c::none}}");
  }

  @Test
  void t41_htmlInsideMathjaxIsStripped() {
    assertThat(Clozes.stripHtmlInsideMathjax("\\(<foo>&lt;&gt;</foo>\\)")).isEqualTo("\\(&lt;&gt;\\)");
  }

  @Test
  void t42_imageOcclusion() {
    assertThat(Clozes.render("{{c1::image-occlusion:rect:left=10.0:top=20:width=30:height=10}}", 1, true))
        .isEqualTo("<div class=\"cloze\" data-ordinal=\"1\" data-shape=\"rect\" data-left=\"10.0\" data-top=\"20\" "
            + "data-width=\"30\" data-height=\"10\" ></div>");
  }

  @Test
  void imageOcclusionSides() {
    String text = "{{c1::image-occlusion:rect:left=1}}{{c2::image-occlusion:rect:left=2}}";
    assertThat(Clozes.render(text, 1, false)).isEqualTo(
        "<div class=\"cloze-highlight\" data-ordinal=\"1\" data-shape=\"rect\" data-left=\"1\" ></div>"
            + "<div class=\"cloze-inactive\" data-ordinal=\"2\" data-shape=\"rect\" data-left=\"2\" ></div>");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', ignoreLeadingAndTrailingWhitespace = false, value = {
      "rect:left=10:top=20:width=30:height=10|data-shape=\"rect\" data-left=\"10\" data-top=\"20\" data-width=\"30\" data-height=\"10\" ",
      "ellipse:left=15:top=20:width=10:height=20:rx=10:ry=5|data-shape=\"ellipse\" data-left=\"15\" data-top=\"20\" data-width=\"10\" data-height=\"20\" data-rx=\"10\" data-ry=\"5\" ",
      "polygon:points=0,0 10,10 20,0|data-shape=\"polygon\" data-points=\"0,0 10,10 20,0\" ",
      "text:text=\\\\foo\\:bar\\::left=10|data-shape=\"text\" data-text=\"&#x5C;foo&#x3A;bar&#x3A;\" data-left=\"10\" ",
      "text:text=\\:lol\\::left=10|data-shape=\"text\" data-text=\"&#x3A;lol&#x3A;\" data-left=\"10\" "})
  void t43_shapeData(String shape, String expected) {
    assertThat(ImageOcclusionShape.dataAttributes(shape)).isEqualTo(expected);
  }

  @Test
  void t44_multiNumberClozes() {
    assertThat(Clozes.numbers("{{c1,2,3::multi}}")).containsExactly(1, 2, 3);
    for (int n = 1; n <= 3; n++) assertThat(Clozes.render("{{c1,2,3::multi}}", n, true)).contains("data-ordinal=\"1,2,3\"");

    String shared = "{{c1,2::shared}} word and {{c1::first}} vs {{c2::second}}";
    assertThat(plain(shared, 1, true)).isEqualTo("[...] word and [...] vs second");
    assertThat(plain(shared, 2, true)).isEqualTo("[...] word and first vs [...]");
    assertThat(plain(shared, 1, false)).isEqualTo("shared word and first vs second");
    assertThat(plain(shared, 2, false)).isEqualTo("shared word and first vs second");
    assertThat(Clozes.numbers(shared)).containsExactly(1, 2);

    for (int n = 1; n <= 2; n++) {
      assertThat(plain("{{c1,2::answer::hint}}", n, true)).isEqualTo("[hint]");
      assertThat(plain("{{c1,2::answer::hint}}", n, false)).isEqualTo("answer");
    }
    assertThat(Clozes.numbers("{{c1,1,2::test}}")).containsExactly(1, 2);
    assertThat(Clozes.numbers("{{c0,1,2::test}}")).containsExactly(1, 2);
    assertThat(Clozes.numbers("{{c1,,3::test}}")).containsExactly(1, 3);

    String only = "{{c1,2::shared}} and {{c1::first}} vs {{c2::second}}";
    assertThat(Clozes.renderOnly(only, 1, true)).isEqualTo("..., ...");
    assertThat(Clozes.renderOnly(only, 2, true)).isEqualTo("..., ...");
    assertThat(Clozes.renderOnly(only, 1, false)).isEqualTo("shared, first");
    assertThat(Clozes.renderOnly(only, 2, false)).isEqualTo("shared, second");

    String outer = "{{c1,2::outer {{c3::inner}}}}";
    assertThat(plain(outer, 1, true)).isEqualTo("[...]");
    assertThat(plain(outer, 2, true)).isEqualTo("[...]");
    assertThat(plain(outer, 3, true)).isEqualTo("outer [...]");
    assertThat(Clozes.numbers(outer)).containsExactly(1, 2, 3);
    assertThat(plain("{{c1::outer {{c1::inner}}}}", 1, true)).isEqualTo("[...]");
    assertThat(Clozes.numbers("{{c1::outer {{c1::inner}}}}")).containsExactly(1);

    String io = "{{c1,2::image-occlusion:rect:left=10:top=20:width=30:height=40}}";
    assertThat(Clozes.render(io, 1, true)).contains("data-ordinal=\"1,2\"");
    assertThat(Clozes.render(io, 2, true)).contains("data-ordinal=\"1,2\"");
  }

  @Test
  void t44_imageOcclusionShapeWithEscapes() {
    ImageOcclusionShape shape =
        ImageOcclusionShape.parse("text:left=10:top=20:text=\\:l\\\\ol\\::width=30:height=40").orElseThrow();
    assertThat(shape.shape()).isEqualTo("text");
    assertThat(shape.properties()).hasSize(5);
    assertThat(shape.properties().get(2)).isEqualTo(new ImageOcclusionShape.Property("text", ":l\\ol:"));
    assertThat(shape.properties().get(3)).isEqualTo(new ImageOcclusionShape.Property("width", "30"));
  }

  @Test
  void t45_latexExpansion() {
    assertThat(Clozes.expandToRevealLatex("{{c1::foo}} {{c2::bar::baz}}")).isEmpty();
    String expanded = NoteText.stripHtml(Clozes.expandToRevealLatex("[latex]{{c1::foo}} {{c2::bar::baz}}[/latex]"));
    assertThat(expanded).contains("foo [baz]", "[...] bar", "foo bar");
  }

  @Test
  void parsingEdgeCases() {
    // an unclosed cloze is dropped with its content; a stray closer is text
    assertThat(Clozes.render("a {{c1::b}} {{c1::never closed", 1, false))
        .isEqualTo("a <span class=\"cloze\" data-ordinal=\"1\">b</span> ");
    assertThat(Clozes.render("{{c1::b}} }}", 1, false)).isEqualTo("<span class=\"cloze\" data-ordinal=\"1\">b</span> }}");
    assertThat(Clozes.numbers("{{c::x}} {{c99999::y}} {{c0001::z}}")).isEqualTo(Set.of(1));
  }
}
