package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Hand-made protocol-11 requests, for what a real client never sends. */
final class RawSync {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String endpoint;

  RawSync(String endpoint) {
    this.endpoint = endpoint;
  }

  record Reply(int status, String originalSize, byte[] body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static String header(int version, String hkey, String skey) {
    return "{\"v\":" + version + ",\"k\":\"" + hkey + "\",\"c\":\"test,1,linux\",\"s\":\"" + skey + "\"}";
  }

  Reply post(String path, String header, byte[] plainBody) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path.substring(1)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(Zstd.compress(plainBody)));
    if (header != null) b.header("anki-sync", header);
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    String size = r.headers().firstValue("anki-original-size").orElse(null);
    byte[] body = r.statusCode() == 200 ? Zstd.decompress(r.body(), Integer.parseInt(size)) : r.body();
    return new Reply(r.statusCode(), size, body);
  }

  Reply post(String path, String header, String json) throws Exception {
    return post(path, header, json.getBytes(StandardCharsets.UTF_8));
  }
}
