package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.search.SearchException.Kind;
import ankid.engine.search.Term.FieldMode;
import ankid.engine.search.Term.PropertyKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parse trees and errors of {@code rslib/src/search/parser.rs, parse} (the vectors of its tests). */
class SearchParserTest {
  private static final Node AND = Node.AND;
  private static final Node OR = Node.OR;

  private static Term text(String t) {
    return new Term.UnqualifiedText(t);
  }

  private static Term field(String f, String t, FieldMode mode) {
    return new Term.SingleField(f, t, mode);
  }

  static Stream<Arguments> successVectors() {
    return Stream.of(
        Arguments.of("", List.of(new Term.WholeCollection())),
        Arguments.of("  ", List.of(new Term.WholeCollection())),
        Arguments.of("foo\u00a0bar", List.of(text("foo"), AND, text("bar"))),
        Arguments.of("foo\tbar", List.of(text("foo"), AND, text("bar"))),
        Arguments.of("foo\nbar", List.of(text("foo"), AND, text("bar"))),
        Arguments.of("  t   t2  ", List.of(text("t"), AND, text("t2"))),
        Arguments.of("(  t   t2  )", List.of(new Node.Group(List.of(text("t"), AND, text("t2"))))),
        Arguments.of("hello  -(world and \"foo:bar baz\") OR test", List.of(text("hello"), AND,
            new Node.Not(new Node.Group(List.of(text("world"), AND, field("foo", "bar baz", FieldMode.NORMAL)))),
            OR, text("test"))),
        Arguments.of("foo:re:bar", List.of(field("foo", "bar", FieldMode.REGEX))),
        Arguments.of("foo:nc:bar", List.of(field("foo", "bar", FieldMode.NO_COMBINING))),
        Arguments.of("\"field:va\\\"lue\"", List.of(field("field", "va\"lue", FieldMode.NORMAL))),
        Arguments.of("field:\"va\\\"lue\"", List.of(field("field", "va\"lue", FieldMode.NORMAL))),
        Arguments.of("field:va\\\"lue", List.of(field("field", "va\"lue", FieldMode.NORMAL))),
        Arguments.of("\\\"\\:\\(\\)\\-", List.of(text("\":()-"))),
        Arguments.of("\\\\\\*\\_", List.of(text("\\\\\\*\\_"))),
        Arguments.of("\"re:\\btest\\%\"", List.of(new Term.Regex("\\btest\\%"))),
        Arguments.of("re:te\\\"st", List.of(new Term.Regex("te\"st"))),
        Arguments.of("added:3", List.of(new Term.AddedInDays(3))),
        Arguments.of("card:front", List.of(new Term.CardTemplate(null, "front"))),
        Arguments.of("card:3", List.of(new Term.CardTemplate(2, null))),
        Arguments.of("card:0", List.of(new Term.CardTemplate(0, null))),
        Arguments.of("deck:default", List.of(new Term.Deck("default"))),
        Arguments.of("deck:\"default one\"", List.of(new Term.Deck("default one"))),
        Arguments.of("preset:default", List.of(new Term.Preset("default"))),
        Arguments.of("note:basic", List.of(new Term.Notetype("basic"))),
        Arguments.of("tag:hard", List.of(new Term.Tag("hard", FieldMode.NORMAL))),
        Arguments.of("tag:re:\\\\", List.of(new Term.Tag("\\\\", FieldMode.REGEX))),
        Arguments.of("nid:1237123712,2,3", List.of(new Term.NoteIds("1237123712,2,3"))),
        Arguments.of("is:due", List.of(new Term.StateIs(Term.State.DUE))),
        Arguments.of("flag:3", List.of(new Term.Flag(3))),
        Arguments.of("prop:ivl>3", List.of(new Term.Property(">", new PropertyKind.Interval(3)))),
        Arguments.of("prop:ease<=3.3", List.of(new Term.Property("<=", new PropertyKind.Ease(3.3f)))),
        Arguments.of("prop:cdn:abc<=1", List.of(new Term.Property("<=", new PropertyKind.CustomDataNumber("abc", 1.0f)))),
        Arguments.of("prop:cds:abc=foo", List.of(new Term.Property("=", new PropertyKind.CustomDataString("abc", "foo")))),
        Arguments.of("\"prop:cds:abc=foo bar\"", List.of(new Term.Property("=", new PropertyKind.CustomDataString("abc", "foo bar")))),
        Arguments.of("has-cd:r", List.of(new Term.CustomData("r"))),
        Arguments.of("a\u3000b", List.of(text("a"), AND, text("b"))),
        Arguments.of("-", List.of(text("-"))),
        Arguments.of("-A", List.of(new Node.Not(text("A")))),
        Arguments.of("\\-A", List.of(text("-A"))),
        Arguments.of("w:3:30", List.of(new Term.WordBoundary("3:30"))),
        Arguments.of("rated:0", List.of(new Term.Rated(1, new Term.Rating.AnyAnswerButton()))),
        Arguments.of("dupe:123,a\\\\b\\\"", List.of(new Term.Duplicates(123, "a\\b\""))),
        Arguments.of("prop:rated>-5:3", List.of(new Term.Property(">", new PropertyKind.Rated(-5, new Term.Rating.AnswerButton(3))))),
        Arguments.of("preset:a\\b", List.of(new Term.Preset("a\\b"))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("successVectors")
  void parses(String query, List<Node> expected) {
    assertThat(SearchParser.parse(query)).isEqualTo(expected);
  }

  static Stream<Arguments> equivalentVectors() {
    return Stream.of(
        Arguments.of("\"\\)\\(\"", "\")(\""),
        Arguments.of("field:val:ue", "field:val\\:ue"),
        Arguments.of("field:val:ue", "\"field:val:ue\""),
        Arguments.of("field:val:ue", "field:\"val:ue\""),
        Arguments.of("-", "\\-"),
        Arguments.of("A-", "A\\-"),
        Arguments.of("\"-A\"", "\\-A"),
        Arguments.of("a\"b\"(c)", "a b (c)"),
        Arguments.of("added:0", "added:1"),
        Arguments.of("introduced:0", "introduced:1"),
        Arguments.of("rated:0", "rated:1"));
  }

  @ParameterizedTest(name = "[{index}] {0} = {1}")
  @MethodSource("equivalentVectors")
  void parsesTheSame(String a, String b) {
    assertThat(SearchParser.parse(a)).isEqualTo(SearchParser.parse(b));
  }

  @Test
  void negationIsNotAnEscapedHyphen() {
    assertThat(SearchParser.parse("-A")).isNotEqualTo(SearchParser.parse("\\-A"));
  }

  static Stream<Arguments> errorVectors() {
    return Stream.of(
        Arguments.of("foo and", Kind.MISPLACED_AND), Arguments.of("and foo", Kind.MISPLACED_AND),
        Arguments.of("and", Kind.MISPLACED_AND), Arguments.of("foo or", Kind.MISPLACED_OR),
        Arguments.of("or foo", Kind.MISPLACED_OR), Arguments.of("or", Kind.MISPLACED_OR),
        Arguments.of("()", Kind.EMPTY_GROUP), Arguments.of("( )", Kind.EMPTY_GROUP),
        Arguments.of("(foo () bar)", Kind.EMPTY_GROUP), Arguments.of(")", Kind.UNOPENED_GROUP),
        Arguments.of("foo ) bar", Kind.UNOPENED_GROUP), Arguments.of("(foo) bar)", Kind.UNOPENED_GROUP),
        Arguments.of("(", Kind.UNCLOSED_GROUP), Arguments.of("foo ( bar", Kind.UNCLOSED_GROUP),
        Arguments.of("(foo (bar)", Kind.UNCLOSED_GROUP), Arguments.of("\"\"", Kind.EMPTY_QUOTE),
        Arguments.of("foo:\"\"", Kind.EMPTY_QUOTE), Arguments.of(" \" ", Kind.UNCLOSED_QUOTE),
        Arguments.of("\" foo", Kind.UNCLOSED_QUOTE), Arguments.of("\"\\", Kind.UNCLOSED_QUOTE),
        Arguments.of("foo:\"bar", Kind.UNCLOSED_QUOTE), Arguments.of("foo:\"bar\\", Kind.UNCLOSED_QUOTE),
        Arguments.of(":", Kind.MISSING_KEY), Arguments.of(":foo", Kind.MISSING_KEY),
        Arguments.of(":\"foo\"", Kind.MISSING_KEY),
        Arguments.of("is:foo", Kind.INVALID_STATE), Arguments.of("is:DUE", Kind.INVALID_STATE),
        Arguments.of("is:New", Kind.INVALID_STATE), Arguments.of("is:", Kind.INVALID_STATE),
        Arguments.of("\"is:learn \"", Kind.INVALID_STATE),
        Arguments.of("\"flag: \"", Kind.INVALID_FLAG), Arguments.of("flag:-0", Kind.INVALID_FLAG),
        Arguments.of("flag:", Kind.INVALID_FLAG), Arguments.of("flag:8", Kind.INVALID_FLAG),
        Arguments.of("flag:1.1", Kind.INVALID_FLAG),
        Arguments.of("rated:1:", Kind.INVALID_ANSWER_BUTTON), Arguments.of("rated:2:-1", Kind.INVALID_ANSWER_BUTTON),
        Arguments.of("rated:3:1.1", Kind.INVALID_ANSWER_BUTTON), Arguments.of("rated:0:foo", Kind.INVALID_ANSWER_BUTTON),
        Arguments.of("dupe:", Kind.INVALID_WHOLE_NUMBER), Arguments.of("dupe:1.1", Kind.INVALID_WHOLE_NUMBER),
        Arguments.of("dupe:foo", Kind.INVALID_WHOLE_NUMBER), Arguments.of("dupe:1", Kind.OTHER),
        Arguments.of("prop:", Kind.INVALID_PROP_PROPERTY), Arguments.of("prop:=1", Kind.INVALID_PROP_PROPERTY),
        Arguments.of("prop:DUE<5", Kind.INVALID_PROP_PROPERTY), Arguments.of("prop:cdn=5", Kind.INVALID_PROP_PROPERTY),
        Arguments.of("prop:cdn:=5", Kind.INVALID_PROP_PROPERTY), Arguments.of("prop:cds=s", Kind.INVALID_PROP_PROPERTY),
        Arguments.of("prop:cds:=s", Kind.INVALID_PROP_PROPERTY),
        Arguments.of("prop:lapses", Kind.INVALID_PROP_OPERATOR), Arguments.of("prop:pos~1", Kind.INVALID_PROP_OPERATOR),
        Arguments.of("prop:reps10", Kind.INVALID_PROP_OPERATOR),
        Arguments.of("prop:due>", Kind.INVALID_WHOLE_NUMBER), Arguments.of("prop:due=0.5", Kind.INVALID_WHOLE_NUMBER),
        Arguments.of("prop:ease>", Kind.INVALID_NUMBER), Arguments.of("prop:ease!=one", Kind.INVALID_NUMBER),
        Arguments.of("prop:ease<1,3", Kind.INVALID_NUMBER),
        Arguments.of("prop:rated>1", Kind.INVALID_NEGATIVE_WHOLE_NUMBER),
        Arguments.of("did:1,x", Kind.OTHER), Arguments.of("mid:x", Kind.INVALID_WHOLE_NUMBER));
  }

  @ParameterizedTest(name = "[{index}] {0} → {1}")
  @MethodSource("errorVectors")
  void rejects(String query, Kind kind) {
    assertThatThrownBy(() -> SearchParser.parse(query)).isInstanceOfSatisfying(SearchException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  static Stream<Arguments> unknownEscapes() {
    return Stream.of(Arguments.of("\\", "\\"), Arguments.of("\\%", "\\%"), Arguments.of("foo\\", "\\"),
        Arguments.of("\\foo", "\\f"), Arguments.of("\\ ", "\\"), Arguments.of("\"\\ \"", "\\ "));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("unknownEscapes")
  void rejectsUnknownEscapes(String query, String provided) {
    assertThatThrownBy(() -> SearchParser.parse(query)).hasMessage("Invalid search: the escape sequence `" + provided
        + "` is not defined. If you want to search for a literal backslash `\\`, prepend another one: `\\\\`.");
  }

  static Stream<String> idListErrors() {
    return Stream.of("1_2,3", "1,2,x", ",2,3", "1,2,");
  }

  @ParameterizedTest
  @MethodSource("idListErrors")
  void rejectsBadIdLists(String list) {
    assertThatThrownBy(() -> SearchParser.parse("nid:" + list)).hasMessage("Invalid search: expected only digits and commas in nid:");
    assertThatThrownBy(() -> SearchParser.parse("cid:" + list)).hasMessage("Invalid search: expected only digits and commas in cid:");
  }

  static Stream<Arguments> positiveNumberErrors() {
    return Stream.of("added", "edited", "rated", "resched", "introduced").flatMap(key ->
        Stream.of("1.1", "-1", "", "foo").map(v -> Arguments.of(key, v)));
  }

  @ParameterizedTest(name = "{0}:{1}")
  @MethodSource("positiveNumberErrors")
  void rejectsDaysThatAreNotPositiveWholeNumbers(String key, String value) {
    assertThatThrownBy(() -> SearchParser.parse(key + ":" + value))
        .hasMessage("Invalid search: expected a positive whole number in \"`" + key + ":`\", but found \"`" + value + "`\".");
  }

  static Stream<Arguments> unsignedPropErrors() {
    return Stream.of("ivl", "reps", "lapses", "pos").flatMap(p ->
        Stream.of(">", "=0.5", "!=-1", "<foo").map(v -> Arguments.of(p, v)));
  }

  @ParameterizedTest(name = "prop:{0}{1}")
  @MethodSource("unsignedPropErrors")
  void rejectsPropertiesThatAreNotPositiveWholeNumbers(String prop, String rest) {
    assertThatThrownBy(() -> SearchParser.parse("prop:" + prop + rest)).isInstanceOfSatisfying(SearchException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_POSITIVE_WHOLE_NUMBER));
  }

  /** The exact English texts, as the real engine prints them (checked with anki-oracle). */
  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("foo and", "Invalid search: an `and` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `\"and\"`."),
        Arguments.of("(", "Invalid search: an opening bracket `(` was found, but there was no closing bracket `)` following it. If you want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `\"(\"` or `\\(` ."),
        Arguments.of("is:foo", "Invalid search: `is:` was given an invalid argument '`foo`'."),
        Arguments.of("prop:pos~1", "Invalid search: `prop:pos` must be followed by one of the following comparison operators: `=`, `!=`, `<`, `>`, `<=` or `>=`."),
        Arguments.of("prop:ivl>x", "Invalid search: expected a positive whole number in \"`ivl>x`\", but found \"`x`\"."),
        Arguments.of("rated:1:9", "Invalid search: expected an answer button between 1-4 in \"`1:9`\", but found \"`9`\"."),
        Arguments.of("prop:rated>-1:7", "Invalid search: expected an answer button between 1-4 in \"`rated>-1:7`\", but found \"`7`\"."),
        Arguments.of("prop:rated>1", "Invalid search: expected a whole number less than or equal to 0 in \"`rated>1`\", but found \"`1`\"."),
        Arguments.of("dupe:x", "Invalid search: expected a whole number in \"`x`\", but found \"`x`\"."),
        Arguments.of("dupe:1", "Invalid search: invalid 'dupe:' search"),
        Arguments.of("is:a`b", "Invalid search: `is:` was given an invalid argument '`a'b`'."));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("messages")
  void usesAnkisMessages(String query, String message) {
    assertThatThrownBy(() -> SearchParser.parse(query)).hasMessage(message);
  }
}
