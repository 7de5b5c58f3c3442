package ankid.engine.deck;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.storage.Unicase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deck names (rslib/src/decks/name.rs) and Anki's own name tests ({@code |} stands for
 * {@code \x1f}).
 */
class DeckNamesTest {

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(quoteCharacter = '`', value = {
    "foo, foo",
    "foo::bar, foo|bar",
    "foo::::baz, foo|blank|baz",
    "`fo\u001fo::ba\nr`, foo|bar", // control characters, including \x1f, are removed
    "`  Spaced :: Out  `, Spaced|Out",
    "::, blank|blank",
    "`a\"b`, a\"b", // Anki 2.1.66 removed the quote
    "`:x: :: ::y`, x|blank|y", // colons at the ends of a component are trimmed (not in 2.1.66)
    "`e\u0301`, é",
    "`\u3000x\u3000`, x",
  })
  void humanToNative(String human, String nativeWithBars) {
    assertThat(DeckNames.toNative(human)).isEqualTo(nativeWithBars.replace('|', '\u001f'));
  }

  @Test
  void nativeNamesAreRenormalisedComponentWise() {
    assertThat(DeckNames.normalizeNative("foo\u001fbar")).isEqualTo("foo\u001fbar");
    assertThat(DeckNames.normalizeNative("fo\u001fo::ba\nr")).isEqualTo("fo\u001fo::bar");
    assertThat(DeckNames.normalizeNative("fo\no bar")).isEqualTo("foo bar");
  }

  @Test
  void parentsLeafAndLevel() {
    String name = DeckNames.toNative("Languages::French::Verbs");
    assertThat(DeckNames.toHuman(name)).isEqualTo("Languages::French::Verbs");
    assertThat(DeckNames.immediateParent(name)).isEqualTo("Languages\u001fFrench");
    assertThat(DeckNames.immediateParent("Top")).isNull();
    assertThat(DeckNames.ancestors(name)).containsExactly("Languages", "Languages\u001fFrench");
    assertThat(DeckNames.ancestors("Top")).isEmpty();
    assertThat(DeckNames.leaf(name)).isEqualTo("Verbs");
    assertThat(DeckNames.leaf("Top")).isEqualTo("Top");
    assertThat(DeckNames.level(name)).isEqualTo(3);
  }

  @Test
  void conflictingNamesGetPlusSignsUnderUnicase() {
    Set<String> taken = Set.of("default", "default+");
    assertThat(DeckNames.unique("DEFAULT", n -> taken.stream().anyMatch(t -> Unicase.equals(t, n))))
        .isEqualTo("DEFAULT++");
    assertThat(DeckNames.unique("Other", n -> false)).isEqualTo("Other");
    assertThat(List.of(DeckNames.components("a\u001fb"))).containsExactly("a", "b");
  }

  @Test
  void newDecksAdoptTheSpellingOfTheirNearestExistingAncestor() {
    List<String> stored = List.of("Lang", "Lang\u001fFrench");
    Function<String, Optional<String>> lookup =
        n -> stored.stream().filter(t -> Unicase.equals(t, n)).findFirst();
    assertThat(DeckNames.adoptParentSpelling(DeckNames.toNative("LANG::french::Verbs"), lookup))
        .isEqualTo("Lang\u001fFrench\u001fVerbs");
    assertThat(DeckNames.adoptParentSpelling(DeckNames.toNative("lang::GERMAN::x"), lookup))
        .isEqualTo("Lang\u001fGERMAN\u001fx");
    assertThat(DeckNames.adoptParentSpelling("Other\u001fy", lookup)).isEqualTo("Other\u001fy");
  }
}
