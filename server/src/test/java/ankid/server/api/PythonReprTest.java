package ankid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python repr/str as AnkiConnect's messages show them: {@code str(exception)} in
 * {@code plugin/web.py, format_exception_reply}, and {@code str(errs)} of the error list in
 * {@code plugin/__init__.py, AnkiConnect.addNotes}. The expected texts were printed by CPython 3.
 */
class PythonReprTest {

  @Test
  void listOfStringsAsInTheAddNotesError() {
    List<String> errors = List.of("plain", "it's", "say \"hi\"", "both ' and \"", "back\\slash",
        "tab\tnl\nCR\r", "bell\u0007del\u007f", "nbsp\u00A0x", "zwsp\u200Bx", "é日本", "emoji\uD83D\uDE00",
        "pua\uE000", "line\u2028sep", "\uDB40\uDC01tag", "c1\u0085");
    assertThat(PythonRepr.repr(errors)).isEqualTo("['plain', \"it's\", 'say \"hi\"', 'both \\' and \"',"
        + " 'back\\\\slash', 'tab\\tnl\\nCR\\r', 'bell\\x07del\\x7f', 'nbsp\\xa0x', 'zwsp\\u200bx', 'é日本',"
        + " 'emoji\uD83D\uDE00', 'pua\\ue000', 'line\\u2028sep', '\\U000e0001tag', 'c1\\x85']");
  }

  @Test
  void addNotesErrorMessageShape() {
    List<String> errors = Arrays.asList(null, "cannot create note because it is a duplicate");
    assertThat(PythonRepr.repr(errors)).isEqualTo("[None, 'cannot create note because it is a duplicate']");
  }

  @Test
  void strWritesTopLevelStringsBareAndEverythingElseAsRepr() {
    assertThat("model was not found: " + PythonRepr.str(null)).isEqualTo("model was not found: None");
    assertThat(PythonRepr.str("Basic")).isEqualTo("Basic");
    assertThat(PythonRepr.str(true)).isEqualTo("True");
    assertThat(PythonRepr.str(false)).isEqualTo("False");
    assertThat(PythonRepr.str(List.of(1, 2))).isEqualTo("[1, 2]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", null);
    map.put("b", List.of(true));
    assertThat(PythonRepr.str(map)).isEqualTo("{'a': None, 'b': [True]}");
  }

  @Test
  void jsonValuesRenderLikeTheirPythonCounterparts() throws Exception {
    ObjectMapper json = new ObjectMapper();
    assertThat(PythonRepr.str(json.readTree("[null, true, false, 1, \"a\", [1.5]]")))
        .isEqualTo("[None, True, False, 1, 'a', [1.5]]");
    assertThat(PythonRepr.str(json.readTree("{\"a\": null, \"b\": [true]}"))).isEqualTo("{'a': None, 'b': [True]}");
    assertThat(PythonRepr.str(json.readTree("\"text\""))).isEqualTo("text");
    assertThat(PythonRepr.str(json.readTree("12345678901234567890"))).isEqualTo("12345678901234567890");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1.0, 1.0", "0.1, 0.1", "1e16, 1e+16", "1e15, 1000000000000000.0",
    "123456789012345678.0, 1.2345678901234568e+17", "0.0001, 0.0001", "0.00001, 1e-05",
    "1.5e-7, 1.5e-07", "2.5, 2.5", "-0.0, -0.0", "1e22, 1e+22", "0.3333333333333333, 0.3333333333333333",
    "100.0, 100.0", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
    "9.223372036854775807E18, 9.223372036854776e+18", "0.3, 0.3",
  })
  void floatsUseTheShortestRoundTripDigits(double value, String expected) {
    assertThat(PythonRepr.repr(value)).isEqualTo(expected);
  }
}
