package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse, then write back Anki's canonical text ({@code rslib/src/search/writer.rs, write_nodes, normalize_search}). */
class SearchWriterTest {
  @ParameterizedTest(name = "[{index}] {0} → {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "\"foo\" \"b a r\"|foo \"b a r\"",
      "field:\"foo\"|field:foo",
      "\\( \\)|\"(\" \")\"",
      "\\-foo|\"-foo\"",
      "\\*\\:\\_|\\*\\:\\_",
      "deck:\\:|deck::",
      "\\-|-",
      "-\\-|--",
      "1 and 2 or 3|1 2 OR 3",
      "\"f o o\"bar|\"f o o\" bar",
      "\"aNd\" \"oR\"|\"aNd\" \"oR\"",
      "prop:ease>1.0|prop:ease>1",
      "|deck:*",
      "front:re\\:x|front:re\\:x",
      "card:1 \"card:Card 1x\"|card:1 \"card:Card 1x\"",
      "rated:0:2 resched:3 prop:rated=-1:4 prop:resched<0|rated:1:2 resched:3 prop:rated=-1:4 prop:resched<0",
      "tag:re:x tag:nc:y|tag:re:x tag:nc:y",
      "dupe:1,a\\\\b|dupe:1,a\\\\b",
      "is:buried-manually -flag:0|is:buried-manually -flag:0",
  })
  void normalizes(String query, String expected) {
    assertThat(SearchWriter.normalize(query == null ? "" : query)).isEqualTo(expected);
  }
}
