package ankid.engine.tag;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.storage.Unicase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tag canonicalisation (rslib/src/tags/register.rs, {@code canonify_tags}) and Anki's own tag
 * tests.
 */
class TagNamesTest {
  /** A stand-in for the tags table: unicase lookup returning the stored spelling. */
  private static TagNames.Registry registryOf(List<String> stored) {
    return name -> stored.stream().filter(t -> Unicase.equals(t, name)).findFirst();
  }

  private static final TagNames.Registry EMPTY = name -> Optional.empty();

  @Test
  void firstNoteOfTheFormatDocExample() {
    List<String> input = List.of("zeta", "Alpha", "alpha", "ä", "Äb", "b::c", " x ", "y\u3000z", "a::::b", "e\u0301");
    TagNames.Canonified result = TagNames.canonify(input, EMPTY);
    assertThat(TagNames.join(result.tags())).isEqualTo(" a::blank::b Alpha b::c x y z zeta ä Äb é ");
    assertThat(result.newTags()).containsExactly("zeta", "Alpha", "ä", "Äb", "b::c", "x", "y", "z", "a::blank::b", "é");
  }

  @Test
  void secondNoteAdoptsRegisteredAndParentSpellingsAndTheLigatureQuirk() {
    TagNames.Registry registry = registryOf(List.of("a::blank::b", "Alpha", "b::c", "x", "y", "z", "zeta", "ä", "Äb", "é"));
    TagNames.Canonified result = TagNames.canonify(List.of("ALPHA B::C::d ﬃ IFF FFI"), registry);
    assertThat(TagNames.join(result.tags())).isEqualTo(" Alpha b::c::d FFI ﬃ ");
    assertThat(result.newTags()).containsExactly("b::c::d", "ﬃ", "FFI");
  }

  @Test
  void tagsTableExampleRegistersParentSpelling() {
    List<String> stored = new ArrayList<>();
    for (String tag : List.of("b::c", "B::C::d", "a::::b")) {
      stored.addAll(TagNames.canonify(List.of(tag), registryOf(stored)).newTags());
    }
    assertThat(stored).containsExactly("b::c", "b::c::d", "a::blank::b");
  }

  @Test
  void ankiTagTests() {
    assertThat(TagNames.canonify(List.of("foo", "FOO"), EMPTY).tags()).containsExactly("foo");
    assertThat(TagNames.canonify(List.of("FOO"), registryOf(List.of("foo"))).tags()).containsExactly("foo");
    assertThat(TagNames.canonify(List.of("\uFA47"), EMPTY).tags()).containsExactly("\u6F22");
    assertThat(TagNames.canonify(List.of("one two"), EMPTY).tags()).containsExactly("one", "two");
    assertThat(TagNames.canonify(List.of("", "foo", " ", "::", "foo::"), EMPTY).tags())
        .containsExactly("blank::blank", "foo", "foo::blank");
    assertThat(TagNames.canonify(List.of(), EMPTY).tags()).isEmpty();
  }

  @Test
  void tagsRegisteredEarlierInTheSameListActAsParents() {
    assertThat(TagNames.canonify(List.of("a", "A::b"), EMPTY).tags()).containsExactly("a", "a::b");
  }

  @Test
  void withoutRegisteringOnlyTheRegistrySpellingsAreAdopted() {
    assertThat(TagNames.canonifyWithoutRegistering(List.of("a", "A::b", "FOO", "foo"), EMPTY))
        .containsExactly("a", "A::b", "FOO");
    assertThat(TagNames.canonifyWithoutRegistering(List.of("X::y"), registryOf(List.of("x"))))
        .containsExactly("x::y");
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(quoteCharacter = '`', value = {
    "foo, foo",
    "foo::, foo::blank",
    "::, blank::blank",
    "a:: b ::c, a::b::c",
    "`a\u0001b`, ab",
    "`q\"uote`, quote",
    "`\u00A0nbsp\u00A0`, nbsp", // Rust's trim() removes all White_Space
    "a:::b, a:::b", // components a and :b; nothing to change
  })
  void normalizesEachComponent(String tag, String expected) {
    assertThat(TagNames.normalize(tag)).isEqualTo(expected);
  }

  @Test
  void splitsOnAsciiAndIdeographicSpaceOnly() {
    assertThat(TagNames.split(" a  b\u3000c\td ")).containsExactly("a", "b", "c\td");
    assertThat(TagNames.join(List.of())).isEmpty();
    assertThat(TagNames.join(List.of("a", "b"))).isEqualTo(" a b ");
  }

  @Test
  void parentSpellingComesFromTheNearestRegisteredAncestor() {
    TagNames.Registry registry = registryOf(List.of("Top", "top::Mid"));
    assertThat(TagNames.adoptParentSpelling("TOP::MID::leaf", registry)).isEqualTo("top::Mid::leaf");
    assertThat(TagNames.adoptParentSpelling("TOP::other", registry)).isEqualTo("Top::other");
    assertThat(TagNames.adoptParentSpelling("none", registry)).isEqualTo("none");
    assertThat(TagNames.immediateParent("a::b::c")).isEqualTo("a::b");
    assertThat(TagNames.immediateParent("a")).isNull();
  }
}
