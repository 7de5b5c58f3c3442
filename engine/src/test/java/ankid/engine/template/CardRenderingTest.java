package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Question/answer HTML as {@code card.question()}/{@code answer()} return it to cardsInfo
 * ({@code rslib/src/notetype/render.rs}, then Anki's Python {@code Card.question}).
 */
class CardRenderingTest {
  private static final String CSS = ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n"
      + "    text-align: center;\n    color: black;\n    background-color: white;\n}\n";
  private static final String BASIC_AFMT = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";

  private static CardRendering.QuestionAnswer basic(String front, String back) {
    return CardRendering.render("{{Front}}", BASIC_AFMT, CSS, false,
        TemplateRenderingTest.normalCard(Map.of("Front", front, "Back", back), 0));
  }

  @Test
  void basicCardGetsTheStylePrefix() {
    var qa = basic("front", "back");
    assertThat(qa.question()).isEqualTo("<style>" + CSS + "</style>front");
    assertThat(qa.answer()).isEqualTo("<style>" + CSS + "</style>front\n\n<hr id=answer>\n\nback");
  }

  @Test
  void soundTagsBecomePlayMarkersPerSide() {
    var qa = basic("a[sound:x.mp3] b[sound:y.mp3]", "[sound:z.mp3]");
    assertThat(qa.question()).endsWith("</style>a[anki:play:q:0] b[anki:play:q:1]");
    // FrontSide carries the question's markers; the answer counts its own from 0
    assertThat(qa.answer()).endsWith("</style>a[anki:play:q:0] b[anki:play:q:1]\n\n<hr id=answer>\n\n[anki:play:a:0]");
  }

  @Test
  void ttsFilterBecomesAPlayMarker() {
    var qa = CardRendering.render("{{tts en_US:Front}}", "{{Front}}", "", false,
        TemplateRenderingTest.normalCard(Map.of("Front", "hi"), 0));
    assertThat(qa.question()).isEqualTo("<style></style>[anki:play:q:0]");
  }

  @Test
  void avTagExtraction() {
    assertThat(AvTags.extract("foo [sound:bar.mp3] baz [anki:tts lang=en_US][...][/anki:tts]", true))
        .isEqualTo("foo [anki:play:q:0] baz [anki:play:q:1]");
    assertThat(AvTags.extract("plain  [text] [anki:play:q:0]", false)).isEqualTo("plain  [text] [anki:play:q:0]");
    // any directive makes Anki re-serialise the text, normalising options
    assertThat(AvTags.extract("plain [text] [anki:foo  a=\"x y\"]c[/anki:foo]", false))
        .isEqualTo("plain [text] [anki:foo a=\"x y\"]c[/anki:foo]");
    assertThat(AvTags.extract("[sound:a] [anki:foo  a=\"x y\"  b=1]c[/anki:foo]", false))
        .isEqualTo("[anki:play:a:0] [anki:foo a=\"x y\" b=1]c[/anki:foo]");
    assertThat(AvTags.extract("[anki:tts voices=x]hi[/anki:tts]", true))
        .isEqualTo("[Error in directive '\u2068anki:tts\u2069': \u2068'\u2068lang\u2069' not set\u2069]");
    assertThat(AvTags.extract("[sound:]", true)).isEqualTo("[sound:]");
  }

  @Test
  void templateErrorsReplaceBothSidesWithoutCss() {
    var qa = CardRendering.render("{{Front}}", "{{Nope}}", CSS, false,
        TemplateRenderingTest.normalCard(Map.of("Front", "f"), 0));
    assertThat(qa.question()).startsWith("<style></style>Back template has a problem:<br>");
    assertThat(qa.answer()).isEqualTo(qa.question());
  }

  @Test
  void blankFrontAnswerIsOnlyTheExplanation() {
    var qa = basic("", "back");
    assertThat(qa.question()).isEqualTo("<style>" + CSS + "</style><div>The front of this card is blank.<br>"
        + "<a href='https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank'>More information</a></div>");
    assertThat(qa.answer()).isEqualTo(qa.question());
  }

  @Test
  void latexBecomesImageLinks() {
    assertThat(Latex.extract("a[latex]one<br>and<div>two[/latex]b", false)).isEqualTo(new Latex.Result(
        "a<img class=latex alt=\"one&#x0A;and&#x0A;two\" src=\"latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png\">b",
        List.of(new Latex.Extracted("latex-ef30b3f4141c33a5bf7044b0d1961d3399c05d50.png", "one\nand\ntwo"))));
    assertThat(Latex.extract("[$]<b>hello</b>&nbsp; world[/$]", true).latex()).containsExactly(
        new Latex.Extracted("latex-060219fbf3ddb74306abddaf4504276ad793b029.svg", "$hello  world$"));
    var qa = basic("[$$]x[/$$]", "");
    assertThat(qa.question()).contains("<img class=latex alt=\"&#x5C;begin&#x7B;displaymath&#x7D;x");
  }

  @Test
  void latexInAnyCaseIsFoundAmongOtherBrackets() {
    assertThat(Latex.extract("[sound:a.mp3] [LaTeX]x[/LATEX]", false).latex()).hasSize(1);
  }

  @Test
  void textWithoutLatexIsReturnedAsItIs() {
    String text = "[sound:a.mp3] [b] no latex [/latex]";
    assertThat(Latex.extract(text, false)).isEqualTo(new Latex.Result(text, List.of()));
  }
}
