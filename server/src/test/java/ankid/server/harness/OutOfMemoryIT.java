package ankid.server.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose heap runs out answers with AnkiConnect's envelope, not an HTML page or a dropped
 * connection, and goes on serving: {@code ankid serve} from the built jar with a small heap gets a
 * body within the size limit but beyond what the heap holds.
 */
class OutOfMemoryIT {
  @TempDir Path tmp;

  @Test
  void aRequestBeyondTheHeapIsAnsweredWithAnEnvelopeAndTheServerGoesOn() throws Exception {
    try (AnkidProcess server = new AnkidProcess(Files.createDirectories(tmp.resolve("base")), "-Xmx64m")) {
      server.start();
      HarnessClient http = new HarnessClient(server.url());
      byte[] prefix = "{\"action\": \"version\", \"version\": 6, \"params\": {\"x\": \"".getBytes(StandardCharsets.US_ASCII);
      byte[] body = new byte[120 * 1024 * 1024];
      Arrays.fill(body, (byte) 'a');
      System.arraycopy(prefix, 0, body, 0, prefix.length);
      byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(suffix, 0, body, body.length - suffix.length, suffix.length);

      HttpResponse<String> reply = http.post(body);

      JsonNode envelope = HarnessClient.JSON.readTree(reply.body());
      assertThat(envelope.get("result").isNull()).isTrue();
      assertThat(envelope.get("error").asText()).contains("out of memory");
      assertThat(server.alive()).isTrue();
      assertThat(http.result("version", null).asInt()).isEqualTo(6);
    }
  }
}
