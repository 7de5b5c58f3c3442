package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which cards a note generates ({@code rslib/src/notetype/cardgen.rs}). */
class CardGenerationTest {
  private static final List<String> BASIC_FIELDS = List.of("Front", "Back");

  @Test
  void t55_basic() {
    assertThat(CardGeneration.ordsToGenerate(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{Front}}"),
        List.of("Hello World", ""), List.of(), Set.of(), true)).containsExactly(0);
  }

  @Test
  void t56_cloze() {
    CardGeneration cloze = CardGeneration.forNotetype(NotetypeKind.CLOZE, List.of("Text", "Back Extra"),
        List.of("{{cloze:Text}}"));
    assertThat(cloze.ordsToGenerate(List.of("Hello {{c1::World}}", ""), List.of(), Set.of(), true)).containsExactly(0);
    assertThat(cloze.ordsToGenerate(List.of("{{c1::Rome}} is in {{c2::Italy}}", ""), List.of(), Set.of(), true))
        .containsExactly(0, 1);
  }

  @Test
  void t57_tagsAsSpecialField() {
    CardGeneration gen = CardGeneration.forNotetype(NotetypeKind.NORMAL, BASIC_FIELDS,
        List.of("{{#Tags}}{{Front}}{{/Tags}}"));
    assertThat(gen.ordsToGenerate(List.of("Hello", ""), List.of("vocabolary", "english"), Set.of(), false))
        .containsExactly(0);
    assertThat(gen.ordsToGenerate(List.of("Hello", ""), List.of(), Set.of(), true)).containsExactly(0);
    assertThat(gen.ordsToGenerate(List.of("Hello", ""), List.of(), Set.of(), false)).isEmpty();
  }

  @Test
  void t58_frontSideIsEmptyForGeneration() {
    assertThat(CardGeneration.ordsToGenerate(NotetypeKind.NORMAL, BASIC_FIELDS,
        List.of("{{#FrontSide}}{{Front}}{{/FrontSide}}"), List.of("Hello", ""), List.of(), Set.of(), false)).isEmpty();
  }

  @Test
  void t59_noteFieldBeatsSpecialField() {
    CardGeneration gen = CardGeneration.forNotetype(NotetypeKind.NORMAL, List.of("Front", "Deck"),
        List.of("{{#Deck}}{{Front}}{{/Deck}}"));
    assertThat(gen.ordsToGenerate(List.of("Hello", ""), List.of(), Set.of(), false)).isEmpty();
    assertThat(gen.ordsToGenerate(List.of("Hello", "Custom deck"), List.of(), Set.of(), false)).containsExactly(0);
  }

  @Test
  void specialFieldsCountAsNonEmpty() {
    assertThat(CardGeneration.ordsToGenerate(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{Deck}}"),
        List.of("", ""), List.of(), Set.of(), false)).containsExactly(0);
  }

  @Test
  void t60_existingCardsAreNotGeneratedAgain() {
    assertThat(CardGeneration.ordsToGenerate(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{Front}}", "{{Back}}"),
        List.of("Cat", "Neko"), List.of(), Set.of(0), false)).containsExactly(1);
  }

  @Test
  void t61_basicAndReversedAsFieldsAreFilledIn() {
    CardGeneration gen = CardGeneration.forNotetype(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{Front}}", "{{Back}}"));
    assertThat(gen.ordsToGenerate(List.of("", ""), List.of(), Set.of(), true)).containsExactly(0);
    assertThat(gen.ordsToGenerate(List.of("x", ""), List.of(), Set.of(0), false)).isEmpty();
    assertThat(gen.ordsToGenerate(List.of("x", "y"), List.of(), Set.of(0), false)).containsExactly(1);
  }

  @Test
  void t62_clozeNumbersAreClampedAndZeroIgnored() {
    CardGeneration cloze = CardGeneration.forNotetype(NotetypeKind.CLOZE, List.of("Text", "Back Extra"),
        List.of("{{cloze:Text}}"));
    assertThat(cloze.ordsToGenerate(List.of("", ""), List.of(), Set.of(), true)).containsExactly(0);
    assertThat(cloze.ordsToGenerate(
        List.of("{{c1::foo}} {{c2::bar}} {{c3::baz}} {{c0::quux}} {{c501::over}}", ""), List.of(), Set.of(), false))
        .containsExactly(0, 1, 2, 499);
  }

  @Test
  void allFieldsOfAClozeNoteAreScanned() {
    CardGeneration cloze = CardGeneration.forNotetype(NotetypeKind.CLOZE, List.of("Text", "Back Extra"),
        List.of("{{cloze:Text}}"));
    assertThat(cloze.requiredOrds(List.of("", "{{c3::x}}"), List.of())).containsExactly(2);
  }

  @Test
  void templatesThatDoNotParseMakeNoCard() {
    assertThat(CardGeneration.ordsToGenerate(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{#Front}}{{Front}}", "{{Back}}"),
        List.of("a", "b"), List.of(), Set.of(), false)).containsExactly(1);
  }

  @Test
  void requiredOrdsFindEmptyCards() {
    CardGeneration gen = CardGeneration.forNotetype(NotetypeKind.NORMAL, BASIC_FIELDS, List.of("{{Front}}", "{{Back}}"));
    assertThat(gen.requiredOrds(List.of("", "b"), List.of())).containsExactly(1);
  }
}
