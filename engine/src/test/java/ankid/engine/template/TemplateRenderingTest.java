package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rendering fields, conditionals and filters ({@code rslib/src/template.rs, render_into}). */
class TemplateRenderingTest {

  /** Fields F=f, B=b, E=" ", c1=1; ord 1, question side, pending-filter mode. */
  private static List<RenderedNode> render(String template) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("F", "f");
    fields.put("B", "b");
    fields.put("E", " ");
    fields.put("c1", "1");
    var ctx = new TemplateRenderer.Context(fields, FieldText.nonEmptyNames(fields), 1, null, true);
    return TemplateRenderer.render(ParsedTemplate.parse(template), ctx);
  }

  private static String renderText(String template) {
    return RenderedCard.join(render(template));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\u000b\f\r", "<BR>", "<div />", " <div> <br> </div>\n", "</br>", "<br/>", "<div/>",
      "</div />", "<Div>", "<bR >", "<br><br>"})
  void emptyFields(String text) {
    assertThat(FieldText.isEmpty(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", " <div>x</div>\n", "&nbsp;", "\u00a0", "<b></b>", "<", "<br", "< br>", "<br  >",
      "<br//>", "<//br>", "<brr>", "<dv>", "<div>>", "\u00a0<br>",
      // Rust's (?i) folds the tag's letters to their ASCII pairs only (Java's Unicode case would take these)
      "<d\u0131v>", "<d\u0130v>"})
  void nonEmptyFields(String text) {
    assertThat(FieldText.isEmpty(text)).isFalse();
  }

  @Test
  void t10_rendersWithNonEmptyFields() {
    Set<String> nonEmpty = Set.of("1", "3");
    assertThat(ParsedTemplate.parse("{{2}}{{1}}").rendersWithFields(nonEmpty)).isTrue();
    assertThat(ParsedTemplate.parse("{{2}}").rendersWithFields(nonEmpty)).isFalse();
    assertThat(ParsedTemplate.parse("{{2}}{{4}}").rendersWithFields(nonEmpty)).isFalse();
    assertThat(ParsedTemplate.parse("{{#3}}{{^2}}{{1}}{{/2}}{{/3}}").rendersWithFields(nonEmpty)).isTrue();
    assertThat(ParsedTemplate.parse("{{^1}}{{3}}{{/1}}").rendersWithFields(nonEmpty)).isFalse();
    assertThat(ParsedTemplate.parse("{{^1}}{{3}}{{/1}}").rendersWithFieldsForReqs(nonEmpty)).isTrue();
  }

  @Test
  void t12_replacements() {
    assertThat(render("{{B}}A{{F}}")).containsExactly(new RenderedNode.Text("bAf"));
  }

  @Test
  void t13_conditionalOnEmptyField() {
    assertThat(renderText("{{#E}}A{{/E}}")).isEmpty();
  }

  @Test
  void t14_childrenOfSkippedConditionalsAreChecked() {
    assertThatThrownBy(() -> render("{{#E}}}{{^M}}A{{/M}}{{/E}}}"))
        .isInstanceOf(TemplateError.class)
        .hasFieldOrPropertyWithValue("kind", TemplateError.Kind.NO_SUCH_CONDITIONAL)
        .hasMessage("Found '\u2068{{^M}}\u2069', but there is no field called '\u2068M\u2069'");
  }

  @Test
  void t15_nestedConditionals() {
    assertThat(renderText("{{^E}}1{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}{{/E}}")).isEqualTo("12f");
  }

  @Test
  void t16_commentsAreCopiedUnevaluated() {
    assertThat(renderText("{{^E}}1<!--{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}-->\\u123<!-- this is a comment -->{{/E}}\\u456"))
        .isEqualTo("1<!--{{#F}}2{{#B}}{{F}}{{/B}}{{/F}}-->\\u123<!-- this is a comment -->\\u456");
  }

  @Test
  void t17_clozeConditionals() {
    assertThat(renderText("{{^c2}}1{{#c1}}2{{/c1}}{{/c2}}")).isEqualTo("12");
  }

  @Test
  void t18_unknownFiltersArePending() {
    assertThat(render("{{one:two:B}}"))
        .containsExactly(new RenderedNode.Pending("B", "b", List.of("two", "one")));
  }

  @Test
  void t19_builtInFiltersRunUntilTheFirstUnknownOne() {
    assertThat(render("{{one::text:B}}")).containsExactly(new RenderedNode.Pending("B", "b", List.of("one")));
  }

  @Test
  void t20_textFilter() {
    assertThat(renderText("{{text:B}}")).isEqualTo("b");
  }

  @Test
  void t21_unknownField() {
    assertThatThrownBy(() -> render("{{X}}"))
        .hasFieldOrPropertyWithValue("kind", TemplateError.Kind.FIELD_NOT_FOUND)
        .hasMessage("Found '\u2068{{X}}\u2069', but there is no field called '\u2068X\u2069'");
  }

  @Test
  void t22_unknownFieldShowsFiltersAsWritten() {
    assertThatThrownBy(() -> render("{{foo:text:X}}"))
        .hasMessage("Found '\u2068{{foo:text:X}}\u2069', but there is no field called '\u2068X\u2069'");
  }

  @Test
  void t23_filterWithoutField() {
    assertThat(render("{{filter:}}")).containsExactly(new RenderedNode.Pending("", "", List.of("filter")));
  }

  @Test
  void unknownFiltersAreSkippedInFullMode() {
    Map<String, String> fields = Map.of("B", "<b>b</b>");
    var ctx = new TemplateRenderer.Context(fields, FieldText.nonEmptyNames(fields), 0, null, false);
    assertThat(TemplateRenderer.render(ParsedTemplate.parse("{{text:one:B}}{{x:}}"), ctx))
        .containsExactly(new RenderedNode.Text("b"));
  }

  @Test
  void t24_blankFront() {
    CardContext card = normalCard(Map.of("E", "", "N", "N"), 1);
    RenderedCard out = CardRenderer.render("test{{E}}", "{{N}}", card, CardRenderer.Mode.PARTIAL, false);
    String blank = "<div>The front of this card is blank.<br><a href='https://docs.ankiweb.net/templates/errors.html"
        + "#front-of-card-is-blank'>More information</a></div>";
    assertThat(out.empty()).isTrue();
    assertThat(out.questionText()).isEqualTo("test" + blank);
    assertThat(out.answerText()).isEqualTo(blank);
  }

  @Test
  void t25_frontSideOnTheQuestionIsEmpty() {
    CardContext card = normalCard(Map.of("E", "", "N", "N"), 1);
    RenderedCard partial = CardRenderer.render("{{FrontSide}}{{N}}", "", card, CardRenderer.Mode.PARTIAL, false);
    assertThat(partial.question()).containsExactly(
        new RenderedNode.Pending("FrontSide", "", List.of()), new RenderedNode.Text("N"));
    assertThat(partial.empty()).isFalse();
    RenderedCard full = CardRenderer.render("{{FrontSide}}{{N}}", "", card, CardRenderer.Mode.FULL, false);
    assertThat(full.questionText()).isEqualTo("N");
  }

  @Test
  void t26_basicCard() {
    CardContext card = normalCard(Map.of("Front", "front", "Back", "back"), 0);
    String afmt = "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}";
    RenderedCard full = CardRenderer.render("{{Front}}", afmt, card, CardRenderer.Mode.FULL, false);
    assertThat(full.questionText()).isEqualTo("front");
    assertThat(full.answerText()).isEqualTo("front\n\n<hr id=answer>\n\nback");
    RenderedCard custom = CardRenderer.render("{{some_filter:Front}}{{another_filter:}}", afmt, card,
        CardRenderer.Mode.FULL, false);
    assertThat(custom.questionText()).isEqualTo("front");
  }

  @Test
  void t27_customFilterOutputReachesFrontSide() {
    CardContext card = normalCard(Map.of("Front", "xxtest", "Back", ""), 0);
    var qa = CardRendering.render("{{custom:Front}}", "{{FrontSide}}", "", false, card);
    assertThat(qa.answer()).contains("xxtest");
  }

  @Test
  void t34_textFilterStripsHtml() {
    CardContext card = normalCard(Map.of("Front", "hello<b>world</b>"), 0);
    assertThat(CardRenderer.render("{{text:Front}}", "", card, CardRenderer.Mode.FULL, false).questionText())
        .contains("helloworld");
  }

  @Test
  void specialFields() {
    CardContext card = new CardContext(NotetypeKind.NORMAL, "Basic", "Card 1", Map.of("Front", "f"),
        List.of("a", "b"), "Lang::French", 0, 3, 42);
    String q = "{{Tags}}|{{Type}}|{{Deck}}|{{Subdeck}}|{{CardFlag}}|{{Card}}|{{CardID}}|{{#c1}}one{{/c1}}{{#c2}}two{{/c2}}";
    assertThat(CardRenderer.render(q, "", card, CardRenderer.Mode.FULL, false).questionText())
        .isEqualTo("a b|Basic|Lang::French|French|flag3|Card 1|42|one");
  }

  @Test
  void noteFieldBeatsSpecialField() {
    CardContext card = new CardContext(NotetypeKind.NORMAL, "Basic", "Card 1", Map.of("Deck", "mine"),
        List.of(), null, 0, 0, 1);
    assertThat(CardRenderer.render("{{Deck}}", "", card, CardRenderer.Mode.FULL, false).questionText())
        .isEqualTo("mine");
    CardContext noDeck = new CardContext(NotetypeKind.NORMAL, "Basic", "Card 1", Map.of("F", "x"),
        List.of(), null, 0, 0, 1);
    assertThat(CardRenderer.render("{{F}}{{Deck}}{{Subdeck}}", "", noDeck, CardRenderer.Mode.FULL, false)
        .questionText()).isEqualTo("x(Deck)(Deck)");
  }

  @Test
  void templateErrorsFailTheWholeCard() {
    CardContext card = normalCard(Map.of("Front", "f"), 0);
    assertThatThrownBy(() -> CardRenderer.render("{{Front}}", "{{Nope}}", card, CardRenderer.Mode.FULL, false))
        .isInstanceOfSatisfying(CardTemplateException.class, e -> assertThat(e.html()).isEqualTo(
            "Back template has a problem:<br>Found &#x27;\u2068{{Nope}}\u2069&#x27;, but there is no field called "
                + "&#x27;\u2068Nope\u2069&#x27;<br><a href='https://docs.ankiweb.net/templates/errors.html"
                + "#template-syntax-error'>More information</a>"));
    assertThatThrownBy(() -> CardRenderer.render("{{#Front}}", "", card, CardRenderer.Mode.FULL, true))
        .isInstanceOfSatisfying(CardTemplateException.class, e -> assertThat(e.html())
            .startsWith("Browser-specific front template has a problem:<br>Missing &#x27;"));
  }

  static CardContext normalCard(Map<String, String> fields, int ord) {
    return new CardContext(NotetypeKind.NORMAL, "Basic", "Card " + (ord + 1), new LinkedHashMap<>(fields),
        List.of(), "Default", ord, 0, 1);
  }
}
