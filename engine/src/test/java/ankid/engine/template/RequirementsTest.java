package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.template.Requirements.Kind;
import ankid.engine.template.Requirements.Requirement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Legacy field requirements ({@code rslib/src/template.rs, ParsedTemplate::requirements}), fields a=0, b=1, c=2. */
class RequirementsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{{a}}{{b}}|ANY|0 1",
      "{{#a}}{{b}}{{/a}}|ALL|0 1",
      "{{z}}|NONE|''",
      "{{^a}}{{b}}{{/a}}|ANY|1",
      "{{^a}}{{#b}}{{c}}{{/b}}{{/a}}|ALL|1 2",
      "{{#a}}{{#b}}{{a}}{{/b}}{{/a}}|ALL|0 1",
      "'\n{{^a}}\n    {{b}}\n{{/a}}\n\n{{#a}}\n    {{a}}\n    {{b}}\n{{/a}}\n'|ANY|0 1",
      "'\n<!--{{^a}}-->\n    {{b}}\n<!--{{/a}}-->\n{{#c}}\n    <!--{{a}}-->\n    {{b}}\n    <!--{{c}}-->\n{{/c}}\n'|ANY|1",
      "{{#a}}|NONE|''"})
  void t11_requirements(String qfmt, Kind kind, String ords) {
    List<Integer> fieldOrds = ords.isEmpty() ? List.of()
        : java.util.Arrays.stream(ords.split(" ")).map(Integer::valueOf).toList();
    assertThat(Requirements.compute(List.of("a", "b", "c"), List.of(qfmt)))
        .containsExactly(new Requirement(0, kind, fieldOrds));
  }
}
