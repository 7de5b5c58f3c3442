package ankid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A reply written straight from the action's result has the bytes the tree of the result used to
 * give: clients see no difference.
 */
class ReplyWritingTest {
  /** As {@code ankid.server.Api} configures it. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static byte[] streamed(Dispatcher.Reply reply) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      reply.writeTo(JSON, g);
    }
    return out.toByteArray();
  }

  private static byte[] throughTree(Dispatcher.Reply reply) throws Exception {
    return JSON.writeValueAsString(reply.toTree(JSON)).getBytes(StandardCharsets.US_ASCII);
  }

  private static Object awkwardResult() {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("question", "<b>niño</b> 日本 \uD83D\uDE00 lone \uD800 end \u2028 \"quoted\" \\ \u0001");
    card.put("ids", List.of(1L, -2L, Long.MAX_VALUE));
    card.put("float", 2.8000002f);
    card.put("double", 0.1 + 0.2);
    card.put("nothing", null);
    card.put("nested", Map.of("ü", List.of(true, false)));
    card.put("array", new long[] {3, 4});
    return List.of(card, Map.of(), Arrays.asList(1, null));
  }

  @Test
  void anEnvelopedResultHasTheTreesBytes() throws Exception {
    Dispatcher.Reply reply = new Dispatcher.Reply(null, awkwardResult(), false);
    assertThat(streamed(reply)).isEqualTo(throughTree(reply));
  }

  @Test
  void aBareResultOfAnOldVersionHasTheTreesBytes() throws Exception {
    Dispatcher.Reply reply = new Dispatcher.Reply(null, awkwardResult(), true);
    assertThat(streamed(reply)).isEqualTo(throughTree(reply));
  }

  @Test
  void aFinishedReplyIsWrittenAsItIs() throws Exception {
    Dispatcher.Reply reply = Dispatcher.Reply.of(Dispatcher.error(JSON, "cannot create note because it is a duplicate"));
    assertThat(new String(streamed(reply), StandardCharsets.US_ASCII))
        .isEqualTo("{\"result\":null,\"error\":\"cannot create note because it is a duplicate\"}");
  }
}
