package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.template.TemplateNode.Comment;
import ankid.engine.template.TemplateNode.Conditional;
import ankid.engine.template.TemplateNode.NegatedConditional;
import ankid.engine.template.TemplateNode.Replacement;
import ankid.engine.template.TemplateNode.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rslib/src/template.rs}: lexing, classifying handlebars, nesting errors. */
class TemplateParsingTest {

  private static List<TemplateNode> parse(String template) {
    return ParsedTemplate.parse(template).nodes();
  }

  private static Replacement repl(String key, String... filters) {
    return new Replacement(key, List.of(filters));
  }

  @Test
  void t1_emptyTemplateHasNoNodes() {
    assertThat(parse("")).isEmpty();
    assertThat(ParsedTemplate.parse("").toTemplateString()).isEmpty();
  }

  @Test
  void t2_textReplacementAndConditional() {
    String template = "foo {{bar}} {{#baz}} quux {{/baz}}";
    assertThat(parse(template)).containsExactly(
        new Text("foo "), repl("bar"), new Text(" "),
        new Conditional("baz", List.of(new Text(" quux "))));
    assertThat(ParsedTemplate.parse(template).toTemplateString()).isEqualTo(template);
  }

  @Test
  void t3_commentsAreNotParsed() {
    String template = "foo <!--{{bar }} --> {{#baz}} --> <!-- <!-- {{#def}} --> \\u123-->\\u456<!-- 2 --><!---->"
        + " <!-- quux {{/baz}} <!-- {{nc:abc}}";
    assertThat(parse(template)).containsExactly(
        new Text("foo "), new Comment("{{bar }} "), new Text(" "),
        new Conditional("baz", List.of(
            new Text(" --> "), new Comment(" <!-- {{#def}} "), new Text(" \\u123-->\\u456"),
            new Comment(" 2 "), new Comment(""), new Text(" <!-- quux "))),
        new Text(" <!-- "), repl("abc", "nc"));
    assertThat(ParsedTemplate.parse(template).toTemplateString()).isEqualTo(template);
  }

  @Test
  void t4_negatedConditional() {
    assertThat(parse("{{^baz}}{{/baz}}")).containsExactly(new NegatedConditional("baz", List.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{#mis}}{{/matched}}", "{{/matched}}", "{{#mis}}", "{{#mis}}<!--{{/matched}}-->"})
  void t5_unbalancedConditionalsAreErrors(String template) {
    assertThatThrownBy(() -> ParsedTemplate.parse(template)).isInstanceOf(TemplateError.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"<!--{{#mis}}{{/matched}}-->", "<!--{{foo}}", "{{foo}}-->"})
  void t5_commentedOrUnterminatedCommentsParse(String template) {
    assertThat(ParsedTemplate.parse(template).toTemplateString()).isEqualTo(template);
  }

  @Test
  void t5_errorKindsAndMessages() {
    assertThatThrownBy(() -> ParsedTemplate.parse("{{#mis}}{{/matched}}"))
        .hasFieldOrPropertyWithValue("kind", TemplateError.Kind.CONDITIONAL_NOT_OPEN)
        .hasMessage("Found '\u2068{{/matched}}\u2069', but expected '\u2068{{/mis}}\u2069'");
    assertThatThrownBy(() -> ParsedTemplate.parse("{{/matched}}"))
        .hasFieldOrPropertyWithValue("kind", TemplateError.Kind.CONDITIONAL_NOT_OPEN)
        .hasMessage("Found '\u2068{{/matched}}\u2069', but missing '\u2068{{#matched}}\u2069' or '\u2068{{^matched}}\u2069'");
    assertThatThrownBy(() -> ParsedTemplate.parse("{{#mis}}"))
        .hasFieldOrPropertyWithValue("kind", TemplateError.Kind.CONDITIONAL_NOT_CLOSED)
        .hasMessage("Missing '\u2068{{/mis}}\u2069'");
  }

  @Test
  void t6_keysAreTrimmed() {
    assertThat(parse("{{ tag }}")).containsExactly(repl("tag"));
  }

  @Test
  void t7_strayClosingBracesAreText() {
    assertThat(parse("text }} more")).containsExactly(new Text("text }} more"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "foo {{one:two}} {{one:two:three}} {{^baz}} {{/baz}} {{foo:}}",
      "foo {{one:two}} <!--<!--abc {{^def}}-->--> {{one:two:three}} {{^baz}} <!-- {{/baz}} 🙂 --> {{/baz}} {{foo:}}"})
  void t8_roundTrip(String template) {
    assertThat(ParsedTemplate.parse(template).toTemplateString()).isEqualTo(template);
  }

  @Test
  void t9_alternativeDelimiters() {
    assertThat(parse("\n{{=<% %>=}}\n<%Front%>\n<% #Back %>\n<%/Back%>")).containsExactly(
        new Text("\n"), repl("Front"), new Text("\n"), new Conditional("Back", List.of(new Text("\n"))));
    assertThat(parse("\n{{=<% %>=}}\n{{#foo}}\n<%Front%>\n{{/foo}}\n")).containsExactly(
        new Text("\n{{#foo}}\n"), repl("Front"), new Text("\n{{/foo}}\n"));
  }

  @Test
  void unclosedHandlebarIsText() {
    assertThat(parse("a {{ b")).containsExactly(new Text("a {{ b"));
  }

  @Test
  void filtersAreInApplicationOrder() {
    assertThat(parse("{{a:b:c:Field}}")).containsExactly(repl("Field", "c", "b", "a"));
    assertThat(parse("{{text: Front}}")).containsExactly(repl(" Front", "text"));
    assertThat(parse("{{foo:}}")).containsExactly(repl("", "foo"));
    assertThat(parse("{{one::text:B}}")).containsExactly(repl("B", "text", "", "one"));
  }

  @Test
  void shortKeysAreReplacements() {
    assertThat(parse("{{#}}")).containsExactly(repl("#"));
    assertThat(parse("{{{Field}}}")).containsExactly(repl("Field"), new Text("}"));
  }

  @Test
  void referencedFields() {
    ParsedTemplate t = ParsedTemplate.parse("{{#c1}}{{cloze:Text}}{{/c1}}{{^Extra}}{{hint:Back}}{{/Extra}}");
    assertThat(t.referencedFieldNames()).containsExactly("Text", "Extra", "Back");
    assertThat(t.clozeFieldNames()).containsExactly("Text");
  }
}
