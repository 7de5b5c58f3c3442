package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field renames and deletions reach the templates. */
class TemplateFieldChangesTest {

  @Test
  void renamesReplacementsAndConditionals() {
    assertThat(TemplateFieldChanges.question("{{#Front}}{{text:Front}}{{/Front}} {{^Back}}x{{/Back}}",
        Map.of("Front", "Question"), Set.of(), "Question", NotetypeKind.NORMAL))
        .isEqualTo("{{#Question}}{{text:Question}}{{/Question}} {{^Back}}x{{/Back}}");
  }

  @Test
  void removedFieldsDisappearButConditionalChildrenStay() {
    assertThat(TemplateFieldChanges.answer("{{FrontSide}}{{#Extra}}<i>{{Extra}}</i>{{/Extra}}", Map.of(),
        Set.of("Extra"), "Front", NotetypeKind.NORMAL)).isEqualTo("{{FrontSide}}<i></i>");
  }

  @Test
  void aQuestionWithoutFieldsGetsTheFirstField() {
    assertThat(TemplateFieldChanges.question("{{Back}}", Map.of(), Set.of("Back"), "Front", NotetypeKind.NORMAL))
        .isEqualTo("{{Front}}");
    assertThat(TemplateFieldChanges.answer("{{Back Extra}}", Map.of(), Set.of(), "Text", NotetypeKind.CLOZE))
        .isEqualTo("{{Back Extra}}{{cloze:Text}}");
  }

  @Test
  void unparsableTemplatesAreKept() {
    assertThat(TemplateFieldChanges.question("{{#Front}}", Map.of("Front", "Q"), Set.of(), "Q", NotetypeKind.NORMAL))
        .isEqualTo("{{#Front}}");
  }
}
