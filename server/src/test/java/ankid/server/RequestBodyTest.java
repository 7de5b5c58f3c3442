package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bodies AnkiConnect cannot read ({@code plugin/web.py, WebServer.handlerWrapper}: UTF-8, then
 * Python's {@code json.loads}, then its request schema): the reply is the two-key envelope with
 * Python's message, whatever {@code version} the body asks for. The messages and positions were
 * checked against CPython 3.13's {@code json} module.
 */
@ExtendWith(TestServerExtension.class)
class RequestBodyTest {

  @Test
  void aBadBodyGetsTheTwoKeyEnvelopeWithStatus200(TestServer server) throws Exception {
    HttpResponse<String> reply = server.post("""
        {"action": "deckNames", "version": 4,}""");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(json(reply.body())).isEqualTo(json("""
        {"result": null, "error": "Illegal trailing comma before end of object: line 1 column 37 (char 36)"}
        """));
  }

  @Test
  void aKeyWithoutQuotesIsExpectingPropertyName(TestServer server) throws Exception {
    assertThat(errorOf(server, "{1: 2}"))
        .isEqualTo("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)");
  }

  @Test
  void aMissingCommaIsExpectingCommaDelimiter(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version" "version": 6}"""))
        .isEqualTo("Expecting ',' delimiter: line 1 column 22 (char 21)");
  }

  @Test
  void aMissingColonIsExpectingColonDelimiter(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action" "version"}"""))
        .isEqualTo("Expecting ':' delimiter: line 1 column 11 (char 10)");
  }

  @Test
  void textAfterTheObjectIsExtraDataAndTheRequestIsNotRun(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version"} x"""))
        .isEqualTo("Extra data: line 1 column 23 (char 22)");
  }

  @Test
  void aSecondRequestObjectIsExtraDataOnItsOwnLine(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version", "version": 6}
        {"action": "version"}"""))
        .isEqualTo("Extra data: line 2 column 1 (char 36)");
  }

  @Test
  void aStringCutShortIsUnterminated(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "ver"""))
        .isEqualTo("Unterminated string starting at: line 1 column 12 (char 11)");
  }

  @Test
  void aRawControlCharacterInAStringIsInvalid(TestServer server) throws Exception {
    assertThat(errorOf(server, "{\"action\": \"a\u0001b\"}"))
        .isEqualTo("Invalid control character at: line 1 column 14 (char 13)");
  }

  @Test
  void anUnknownEscapeIsInvalid(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "\\q"}"""))
        .isEqualTo("Invalid \\escape: line 1 column 13 (char 12)");
  }

  @Test
  void aUnicodeEscapeWithoutFourHexDigitsIsInvalid(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "\\u12G4"}"""))
        .isEqualTo("Invalid \\uXXXX escape: line 1 column 14 (char 13)");
  }

  @Test
  void aCommaBeforeTheClosingBraceIsAnIllegalTrailingComma(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version",}"""))
        .isEqualTo("Illegal trailing comma before end of object: line 1 column 21 (char 20)");
  }

  @Test
  void aCommaBeforeTheClosingBracketIsAnIllegalTrailingComma(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"params": {"notes": [1, 2,]}}"""))
        .isEqualTo("Illegal trailing comma before end of array: line 1 column 27 (char 26)");
  }

  @Test
  void aMissingValueIsExpectingValue(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": }"""))
        .isEqualTo("Expecting value: line 1 column 12 (char 11)");
  }

  @Test
  void aBlankBodyIsExpectingValueAfterTheBlanks(TestServer server) throws Exception {
    assertThat(errorOf(server, "  ")).isEqualTo("Expecting value: line 1 column 3 (char 2)");
  }

  @Test
  void linesAndColumnsCountFromTheLastNewline(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {
          "action": "deckNames",
          "version": 6,
        }
        """))
        .isEqualTo("Illegal trailing comma before end of object: line 3 column 15 (char 41)");
  }

  @Test
  void positionsCountCharactersNotBytes(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "createDeck", "params": {"deck": "日本語::😀" "x"}}"""))
        .isEqualTo("Expecting ',' delimiter: line 1 column 54 (char 53)");
  }

  @Test
  void aByteOrderMarkIsRefusedAsPythonsUtf8CodecKeepsIt(TestServer server) throws Exception {
    assertThat(errorOf(server, "\uFEFF{\"action\": \"version\"}"))
        .isEqualTo("Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
  }

  @Test
  void anIntegerOfMoreThan4300DigitsExceedsPythonsLimit(TestServer server) throws Exception {
    assertThat(errorOf(server, "{\"action\": \"version\", \"version\": " + "9".repeat(4301) + "}"))
        .isEqualTo("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; "
            + "use sys.set_int_max_str_digits() to increase the limit");
  }

  @Test
  void nestingBeyondAThousandLevelsIsARecursionError(TestServer server) throws Exception {
    // CPython gives up near 10000 levels, where AnkiConnect does not even catch the RecursionError
    assertThat(errorOf(server, "{\"params\": " + "[".repeat(1000) + "]".repeat(1000) + "}"))
        .isEqualTo("maximum recursion depth exceeded while decoding a JSON array from a unicode string");
  }

  @Test
  void infinitiesAreReadAsPythonReadsThem(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version", "version": -Infinity}""")).isEqualTo("-inf is not of type 'integer'");
  }

  @Test
  void aBadContinuationByteIsPythonsUtf8Error(TestServer server) throws Exception {
    byte[] latin1 = "{\"action\": \"café\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(errorOf(server, latin1))
        .isEqualTo("'utf-8' codec can't decode byte 0xe9 in position 15: invalid continuation byte");
  }

  @Test
  void aCharacterCutShortNamesAllItsBytes(TestServer server) throws Exception {
    byte[] cut = {'{', '"', 'a', '"', ':', '"', (byte) 0xE6, (byte) 0x97, '"', '}'};
    assertThat(errorOf(server, cut)).isEqualTo("'utf-8' codec can't decode bytes in position 6-7: invalid continuation byte");
  }

  @Test
  void aByteThatCannotStartACharacterIsAnInvalidStartByte(TestServer server) throws Exception {
    byte[] stray = {'{', (byte) 0x80, '}'};
    assertThat(errorOf(server, stray)).isEqualTo("'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte");
  }

  @Test
  void aMissingActionFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, "{}")).isEqualTo("'action' is a required property");
  }

  @Test
  void aNumberActionFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": 1}""")).isEqualTo("1 is not of type 'string'");
  }

  @Test
  void anEmptyActionFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": ""}""")).isEqualTo("'' should be non-empty");
  }

  @Test
  void aBooleanVersionFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version", "version": true}""")).isEqualTo("True is not of type 'integer'");
  }

  @Test
  void aNaNVersionIsReadAsPythonReadsItAndFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version", "version": NaN}""")).isEqualTo("nan is not of type 'integer'");
  }

  @Test
  void nonObjectParamsFailTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, """
        {"action": "version", "params": 1.2}""")).isEqualTo("1.2 is not of type 'object'");
  }

  @Test
  void aNonObjectBodyFailsTheSchema(TestServer server) throws Exception {
    assertThat(errorOf(server, "[1]")).isEqualTo("[1] is not of type 'object'");
  }

  @Test
  void aWholeFloatVersionIsAnInteger(TestServer server) throws Exception {
    assertThat(server.post("""
        {"action": "version", "version": 6.0}""").body()).contains("\"result\":6");
  }

  @Test
  void theLastOfRepeatedKeysWins(TestServer server) throws Exception {
    assertThat(server.post("""
        {"action": "nope", "action": "version"}""").body()).isEqualTo("6");
  }

  private static String errorOf(TestServer server, String body) throws Exception {
    return envelopeError(server.post(body));
  }

  private static String errorOf(TestServer server, byte[] body) throws Exception {
    return envelopeError(server.post(body));
  }

  private static String envelopeError(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode reply = json(response.body());
    assertThat(reply.get("result").isNull()).as(response.body()).isTrue();
    return reply.get("error").asText();
  }
}
