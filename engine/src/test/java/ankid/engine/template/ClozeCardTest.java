package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stock Cloze notetype end to end ({@code rslib/src/notetype/stock.rs}, {@code cloze.rs}). */
class ClozeCardTest {
  private static final List<String> FIELDS = List.of("Text", "Back Extra");
  private static final String QFMT = "{{cloze:Text}}";
  private static final String AFMT = "{{cloze:Text}}<br>\n{{Back Extra}}";

  private static List<Integer> ords(String text) {
    return CardGeneration.ordsToGenerate(NotetypeKind.CLOZE, FIELDS, List.of(QFMT), List.of(text, ""), List.of(),
        Set.of(), true);
  }

  private static RenderedCard render(String qfmt, String afmt, String text, int ord) {
    CardContext card = new CardContext(NotetypeKind.CLOZE, "Cloze", "Cloze",
        CardContext.fieldMap(FIELDS, List.of(text, "")), List.of(), "Default", ord, 0, 1);
    return CardRenderer.render(qfmt, afmt, card, CardRenderer.Mode.FULL, false);
  }

  private static RenderedCard render(String text, int ord) {
    return render(QFMT, AFMT, text, ord);
  }

  @Test
  void t46_noClozeStillMakesCardZero() {
    assertThat(ords("nothing")).containsExactly(0);
    RenderedCard card = render("nothing", 0);
    assertThat(card.empty()).isTrue();
    assertThat(card.answerText()).isEqualTo("<div>No cloze \u20681\u2069 found on card.\n"
        + "Please either add a cloze deletion, or use the Empty Cards tool.<br>"
        + "<a href='https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type'>"
        + "More information</a></div>");
  }

  @Test
  void t47_singleCloze() {
    assertThat(ords("hello {{c1::world}}")).containsExactly(0);
    RenderedCard card = render("hello {{c1::world}}", 0);
    assertThat(card.questionText())
        .contains("hello <span class=\"cloze\" data-cloze=\"world\" data-ordinal=\"1\">[...]</span>");
    assertThat(card.answerText()).contains("hello <span class=\"cloze\" data-ordinal=\"1\">world</span>");
  }

  @Test
  void t48_hint() {
    assertThat(render("hello {{c1::world::typical}}", 0).questionText())
        .contains("<span class=\"cloze\" data-cloze=\"world\" data-ordinal=\"1\">[typical]</span>");
  }

  @Test
  void t49_twoClozes() {
    String text = "hello {{c1::world}} {{c2::bar}}";
    assertThat(ords(text)).containsExactly(0, 1);
    assertThat(render(text, 0).questionText()).contains("<span class=\"cloze\" data-cloze=\"world\" data-ordinal=\"1\">"
        + "[...]</span> <span class=\"cloze-inactive\" data-ordinal=\"2\">bar</span>");
    assertThat(render(text, 0).answerText()).contains("<span class=\"cloze\" data-ordinal=\"1\">world</span> "
        + "<span class=\"cloze-inactive\" data-ordinal=\"2\">bar</span>");
    assertThat(render(text, 1).questionText()).contains("<span class=\"cloze-inactive\" data-ordinal=\"1\">world</span> "
        + "<span class=\"cloze\" data-cloze=\"bar\" data-ordinal=\"2\">[...]</span>");
    assertThat(render(text, 1).answerText()).contains("<span class=\"cloze-inactive\" data-ordinal=\"1\">world</span> "
        + "<span class=\"cloze\" data-ordinal=\"2\">bar</span>");
  }

  @Test
  void t50_sameNumberTwice() {
    String text = "a {{c1::b}} {{c1::c}}";
    assertThat(ords(text)).containsExactly(0);
    assertThat(render(text, 0).answerText())
        .contains("<span class=\"cloze\" data-ordinal=\"1\">b</span> <span class=\"cloze\" data-ordinal=\"1\">c</span>");
  }

  @Test
  void t51_updatingAddsOnlyMissingOrds() {
    CardGeneration gen = CardGeneration.forNotetype(NotetypeKind.CLOZE, FIELDS, List.of(QFMT));
    assertThat(gen.ordsToGenerate(List.of("{{c2::hello}} {{c1::foo}}", ""), List.of(), Set.of(0), false))
        .containsExactly(1);
    assertThat(gen.ordsToGenerate(List.of("{{c2::hello}} {{c1::foo}}{{c0::zero}} {{c-1:foo}}", ""), List.of(),
        Set.of(0, 1), false)).isEmpty();
  }

  @Test
  void t52_mathjax() {
    String text = "{{c1::ok}} \\(2^2\\) {{c2::not ok}} \\(2^{{c3::2}}\\) \\(x^3\\) {{c4::blah}} {{c5::text with \\(x^2\\) jax}}";
    assertThat(ords(text)).containsExactly(0, 1, 2, 3, 4);
    for (int ord : List.of(0, 1, 3, 4)) {
      assertThat(render(text, ord).questionText()).containsPattern("class=\"cloze\" data-cloze=\"[^\"]+\"");
    }
    assertThat(render(text, 2).questionText()).doesNotContain("class=\"cloze\" data-cloze=");
    assertThat(render("\\(a\\) {{c1::b}} \\[ {{c1::c}} \\]", 0).questionText())
        .endsWith("\\(a\\) <span class=\"cloze\" data-cloze=\"b\" data-ordinal=\"1\">[...]</span> \\[ [...] \\]");
  }

  @Test
  void t53_textThenCloze() {
    String text = "This {{c1::<span style=\"color:red\">phrase</span>::<b>sentence</b>}} demonstrates "
        + "{{c1::<span style=\"color:red\">en chaine</span>::<i>chained</i>}} clozes.";
    RenderedCard card = render("{{cloze:text:Text}}", "{{cloze:text:Text}}", text, 0);
    assertThat(card.questionText()).contains("This <span class=\"cloze\" data-cloze=\"phrase\" data-ordinal=\"1\">"
        + "[sentence]</span> demonstrates <span class=\"cloze\" data-cloze=\"en&#x20;chaine\" data-ordinal=\"1\">"
        + "[chained]</span> clozes.");
    assertThat(card.answerText()).contains("This <span class=\"cloze\" data-ordinal=\"1\">phrase</span> demonstrates "
        + "<span class=\"cloze\" data-ordinal=\"1\">en chaine</span> clozes.");
  }

  @Test
  void t54_clozeThenText() {
    String text = "{{c1::firstQ::firstA}}{{c2::secondQ::secondA}}";
    assertThat(ords(text)).containsExactly(0, 1);
    assertThat(render("{{text:cloze:Text}}", "{{text:cloze:Text}}", text, 1).questionText()).isEqualTo("firstQ[secondA]");
  }

  @Test
  void t33_typeCloze() {
    CardContext card = new CardContext(NotetypeKind.CLOZE, "Cloze", "Cloze",
        Map.of("Text", "hello {{c1::world}}"), List.of(), "Default", 0, 0, 1);
    var qa = CardRendering.render("{{cloze:Text}}{{type:cloze:Text}}", "{{cloze:Text}}", "", false, card);
    assertThat(qa.question()).contains("[[type:cloze:Text]]");
  }
}
