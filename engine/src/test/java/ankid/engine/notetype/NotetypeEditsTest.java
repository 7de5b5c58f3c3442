package ankid.engine.notetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Pure notetype edits: Python list-insert repositioning, and templates following field renames. */
class NotetypeEditsTest {

  @ParameterizedTest(name = "move {0} to {1} → {2}")
  @CsvSource({
      "0, 2, b c a",
      "0, 5, b c a",
      "2, 0, c a b",
      "0, -1, b a c",
      "2, -1, a c b",
      "1, -9, b a c",
      "1, 1, a b c",
  })
  void repositionUsesPythonListInsert(int from, int index, String expected) {
    assertThat(NotetypeEdits.moved(List.of("a", "b", "c"), from, index)).containsExactly(expected.split(" "));
  }

  @Test
  void renamedFieldTakesItsNewNameEverywhereFiltersAndSectionsIncluded() {
    Map<String, Optional<String>> changes = Map.of("Front", Optional.of("Question"));
    assertThat(FieldRenames.question("{{#Front}}<b>{{text:Front}}</b>{{/Front}} {{^Front}}-{{/Front}}", changes,
        "Question", false)).isEqualTo("{{#Question}}<b>{{text:Question}}</b>{{/Question}} {{^Question}}-{{/Question}}");
  }

  @Test
  void templatesAreWrittenBackFromTheTreeSoSpacesInsideBracesGo() {
    assertThat(FieldRenames.answer("{{ Back }}", Map.of("Front", Optional.of("Q")), "Q", false)).isEqualTo("{{Back}}");
  }

  @Test
  void removedFieldDisappearsAndItsSectionsKeepTheirContents() {
    Map<String, Optional<String>> changes = Map.of("Extra", Optional.empty());
    assertThat(FieldRenames.question("{{Front}}{{#Extra}}<i>{{Extra}}</i>{{/Extra}}", changes, "Front", false))
        .isEqualTo("{{Front}}<i></i>");
  }

  @Test
  void frontLeftWithoutFieldsGetsTheFirstField() {
    assertThat(FieldRenames.question("<b>{{Back}}</b>", Map.of("Back", Optional.empty()), "Front", false))
        .isEqualTo("<b></b>{{Front}}");
    assertThat(FieldRenames.answer("<b>{{Back}}</b>", Map.of("Back", Optional.empty()), "Front", false))
        .isEqualTo("<b></b>");
  }

  @Test
  void clozeSidesLeftWithoutATopLevelClozeGetOneOnTheFirstField() {
    Map<String, Optional<String>> changes = Map.of("Text", Optional.empty());
    assertThat(FieldRenames.question("{{cloze:Text}}", changes, "Extra", true)).isEqualTo("{{cloze:Extra}}");
    assertThat(FieldRenames.answer("{{cloze:Text}}<br>{{Extra}}", changes, "Extra", true))
        .isEqualTo("<br>{{Extra}}{{cloze:Extra}}");
  }

  @Test
  void unparseableTemplatesAreLeftAlone() {
    assertThat(FieldRenames.question("{{#Front}}", Map.of("Front", Optional.of("Q")), "Q", false))
        .isEqualTo("{{#Front}}");
  }

  @Test
  void preparationNormalisesNamesMovesTheSortIndexAndRecomputesReqs() {
    Notetype basic = stored(StockNotetypes.basic());
    Notetype edited = NotetypeEdits.repositionField(basic, 1, 0);
    edited = NotetypeEdits.addField(edited, "back");
    edited = NotetypeEdits.renameTemplate(edited, 0, "\"Card\" 1");
    Notetype prepared = NotetypePreparation.prepare(edited, basic);
    assertThat(prepared.fieldNames()).containsExactly("Back", "Front", "back+");
    assertThat(prepared.templates().get(0).name()).isEqualTo("Card 1");
    assertThat(prepared.sortFieldIndex()).isEqualTo(1);
    assertThat(prepared.config().getReqs(0).getFieldOrdsList()).containsExactly(1);
    assertThat(prepared.fields()).extracting(Notetype.Field::ord).containsExactly(1, 0, NotetypeEdits.NEW);
  }

  @Test
  void reqsAreComputedBeforeTemplatesFollowARenameAsInAnki() {
    Notetype basic = stored(StockNotetypes.basic());
    Notetype prepared = NotetypePreparation.prepare(NotetypeEdits.renameField(basic, 0, "Question"), basic);
    assertThat(prepared.templates().get(0).config().getQFormat()).isEqualTo("{{Question}}");
    assertThat(prepared.config().getReqs(0).getKindValue()).isZero();
  }

  /** A notetype as loaded: ords are positions. */
  private static Notetype stored(Notetype nt) {
    List<Notetype.Field> fields = new java.util.ArrayList<>();
    for (int i = 0; i < nt.fields().size(); i++) {
      fields.add(new Notetype.Field(i, nt.fields().get(i).name(), nt.fields().get(i).config()));
    }
    List<Notetype.Template> templates = new java.util.ArrayList<>();
    for (int i = 0; i < nt.templates().size(); i++) {
      Notetype.Template t = nt.templates().get(i);
      templates.add(new Notetype.Template(i, t.name(), 0, 0, t.config()));
    }
    return new Notetype(1, nt.name(), 0, 0, nt.config(), fields, templates);
  }
}
