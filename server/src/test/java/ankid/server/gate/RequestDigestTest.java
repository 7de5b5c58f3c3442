package ankid.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class RequestDigestTest {
  private static String digest(String params) {
    return RequestDigest.of("deleteNotes", GateFixture.parse(params), NullNode.getInstance());
  }

  @Test
  void memberOrderAndNumberSpellingDoNotMatter() {
    assertThat(digest("{\"a\": 1, \"b\": [2.0]}")).isEqualTo(digest("{\"b\": [2], \"a\": 1.0}"));
  }

  @Test
  void anyChangedValueIsAnotherRequest() {
    assertThat(digest("{\"notes\": [1, 2]}")).isNotEqualTo(digest("{\"notes\": [2, 1]}"));
    assertThat(digest("{\"notes\": [1]}")).isNotEqualTo(digest("{\"notes\": [\"1\"]}"));
  }

  @Test
  void theKeyIsPartOfTheRequest() {
    assertThat(RequestDigest.of("deleteNotes", GateFixture.parse("{}"), TextNode.valueOf("k")))
        .isNotEqualTo(digest("{}"));
  }

  @Test
  void missingParamsAreEmptyParams() {
    assertThat(RequestDigest.of("deleteNotes", null, null)).isEqualTo(digest("{}"));
  }
}
