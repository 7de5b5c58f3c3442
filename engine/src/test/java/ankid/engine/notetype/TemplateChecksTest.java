package ankid.engine.notetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Anki's checks before saving templates, with its messages. */
class TemplateChecksTest {
  private static final String HEADER = "Card template 2 in note type 'T' has a problem.<br>";

  private static Notetype normal(String secondFront, String secondBack) {
    Notetype nt = NotetypeEdits.blank("T", false);
    nt = NotetypeEdits.addField(nt, "Front");
    nt = NotetypeEdits.addField(nt, "Back");
    nt = NotetypeEdits.addTemplate(nt, "Card 1", "{{Front}}", "{{Back}}");
    return NotetypeEdits.addTemplate(nt, "Card 2", secondFront, secondBack);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      "{{Front}}          | x            | The front side is identical to card template 1.",
      "{{#Front}}         | x            | See the preview for more information.",
      "{{Back}}           | {{/Back}}    | See the preview for more information.",
      "text only          | {{Back}}     | Expected to find a field replacement on the front of the card template.",
      "{{#c1}}x{{/c1}}    | {{Back}}     | Expected to find a field replacement on the front of the card template.",
      "{{Back}}           | {{Extra}}    | Field 'Extra' not found.",
      "{{#Nope}}{{Back}}{{/Nope}} | x    | Field 'Nope' not found.",
  })
  void refusedTemplates(String front, String back, String details) {
    assertThatThrownBy(() -> TemplateChecks.check(normal(front, back)))
        .isInstanceOf(CardTypeException.class).hasMessage(HEADER + details);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      "{{Card}}{{Front}}      | x",
      "{{Deck}}               | {{Tags}}{{CardID}}{{FrontSide}}",
      "{{text:Back}}{{tts en_US:Front}} | {{filter:}}",
  })
  void acceptedTemplates(String front, String back) {
    Notetype nt = normal(front, back);
    if (front.startsWith("{{Card}}")) nt = NotetypeEdits.setTemplateConfig(nt, 0, c -> c.setQFormat(front));
    Notetype checked = nt;
    assertThatCode(() -> TemplateChecks.check(checked)).doesNotThrowAnyException();
  }

  @Test
  void clozeNotetypesNeedAClozeOnBothSidesOfTheFirstTemplate() {
    Notetype nt = NotetypeEdits.addField(NotetypeEdits.blank("C", true), "Text");
    Notetype frontOnly = NotetypeEdits.addTemplate(nt, "Cloze", "{{cloze:Text}}", "{{Text}}");
    assertThatThrownBy(() -> TemplateChecks.check(frontOnly)).hasMessage("Card template 1 in note type 'C' has a"
        + " problem.<br>Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.");
    assertThatCode(() -> TemplateChecks.check(NotetypeEdits.addTemplate(nt, "Cloze", "{{cloze:Text}}", "{{cloze:Text}}")))
        .doesNotThrowAnyException();
  }

  @Test
  void everyStockNotetypePasses() {
    for (Notetype nt : StockNotetypes.all()) {
      assertThatCode(() -> TemplateChecks.check(nt)).as(nt.name()).doesNotThrowAnyException();
    }
    assertThat(StockNotetypes.all()).hasSize(6);
  }
}
