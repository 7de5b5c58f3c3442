package ankid.engine.notetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.storage.Unicase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field, template and notetype names (rslib/src/notetype/fields.rs and templates.rs,
 * {@code fix_name}) and Anki's own field-name test.
 */
class NotetypeNamesTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(quoteCharacter = '`', value = {
    "`  # /^ t:e{s\"t} field name #/^  `, `test field name #/^`", // Anki's test vector
    "Front, Front",
    "`e\u0301`, é",
    "`{{Back}}`, Back",
    "`^Sticky`, Sticky",
  })
  void fieldNames(String name, String expected) {
    assertThat(NotetypeNames.fieldName(name)).isEqualTo(expected);
  }

  @Test
  void unusableFieldNamesAreRefusedWithAnkisMessages() {
    assertThatThrownBy(() -> NotetypeNames.fieldName("")).hasMessage("Empty field name");
    assertThatThrownBy(() -> NotetypeNames.fieldName("#:{}")).hasMessage("Field name: #");
  }

  @Test
  void templateNamesLoseOnlyQuotes() {
    assertThat(NotetypeNames.templateName(" Card \"1\" ")).isEqualTo(" Card 1 ");
    assertThatThrownBy(() -> NotetypeNames.templateName("")).hasMessage("Empty template name");
    assertThatThrownBy(() -> NotetypeNames.templateName("\"\"")).hasMessage("Template name contains only quotes");
  }

  @Test
  void notetypeNamesLoseQuotesAndBecomeNfc() {
    assertThat(NotetypeNames.notetypeName("\"Basic\" e\u0301")).isEqualTo("Basic é");
    assertThatThrownBy(() -> NotetypeNames.notetypeName("\"")).hasMessage("Empty notetype name");
  }

  @Test
  void duplicatesWithinANotetypeGetPlusSigns() {
    assertThat(NotetypeNames.uniqueWithinNotetype(List.of("Front", "front", "FRONT", "Back", "Straße", "STRASSE")))
        .containsExactly("Front", "front+", "FRONT++", "Back", "Straße", "STRASSE+");
  }

  @Test
  void notetypeNamesAreMadeUniqueInTheCollection() {
    Set<String> taken = Set.of("Basic", "Basic+");
    assertThat(NotetypeNames.uniqueInCollection("basic", n -> taken.stream().anyMatch(t -> Unicase.equals(t, n))))
        .isEqualTo("basic++");
  }
}
