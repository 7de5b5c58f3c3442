package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Params are bound as Python binds keyword arguments to AnkiConnect's action methods, so a wrong
 * call fails with Python's {@code TypeError} text; a None where a value is needed fails as the
 * Python code would at its first use, never with a Java message.
 */
@ExtendWith(TestServerExtension.class)
class ParamBindingTest {

  @Test
  void anUnknownParamIsAnUnexpectedKeywordArgument(TestServer server) throws Exception {
    assertThat(server.error("deckNames", """
        {"x": 1}
        """)).isEqualTo("AnkiConnect.deckNames() got an unexpected keyword argument 'x'");
  }

  @Test
  void aMissingParamIsAMissingPositionalArgument(TestServer server) throws Exception {
    assertThat(server.error("createDeck", "{}"))
        .isEqualTo("AnkiConnect.createDeck() missing 1 required positional argument: 'deck'");
  }

  @Test
  void twoMissingParamsAreNamedTogether(TestServer server) throws Exception {
    assertThat(server.error("changeDeck", "{}"))
        .isEqualTo("AnkiConnect.changeDeck() missing 2 required positional arguments: 'cards' and 'deck'");
  }

  @Test
  void noneForAListIsNotIterable(TestServer server) throws Exception {
    assertThat(server.error("getDecks", """
        {"cards": null}
        """)).isEqualTo("'NoneType' object is not iterable");
  }

  @Test
  void noneInAListOfIdsFailsIntConversion(TestServer server) throws Exception {
    assertThat(server.error("getDecks", """
        {"cards": [null]}
        """)).isEqualTo("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
  }

  @Test
  void anEmptyStringForAListOfIdsIsRefusedBeforeTheActionRuns(TestServer server) throws Exception {
    assertThat(server.error("relearnCards", """
        {"cards": ""}
        """)).isEqualTo("relearnCards: 'cards' has an invalid value: ''");
  }

  @Test
  void noneForARequiredNameIsRefused(TestServer server) throws Exception {
    assertThat(server.error("createDeck", """
        {"deck": null}
        """)).isEqualTo("createDeck: 'deck' must not be None");
  }

  @Test
  void noneInAListOfNamesIsRefused(TestServer server) throws Exception {
    assertThat(server.error("deleteDecks", """
        {"decks": [null], "cardsToo": true}
        """)).isEqualTo("deleteDecks: 'decks' must not contain None");
  }

  @Test
  void noneWhereTheActionDefaultsToNoneIsAccepted(TestServer server) throws Exception {
    assertThat(server.result("findCards", """
        {"query": null}
        """)).isEmpty();
  }
}
