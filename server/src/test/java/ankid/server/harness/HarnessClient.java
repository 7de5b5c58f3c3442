package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A harness's client: one action per call, version 6, the envelope checked. */
final class HarnessClient {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private volatile URI url;

  HarnessClient(URI url) {
    this.url = url;
  }

  void use(URI newUrl) {
    this.url = newUrl;
  }

  /** An error envelope from the server (the request was answered, and refused). */
  static final class ActionFailed extends Exception {
    ActionFailed(String action, String error) {
      super(action + ": " + error);
    }
  }

  /** The action's result; {@link ActionFailed} for an error envelope, IOException when not answered. */
  JsonNode result(String action, JsonNode params) throws IOException, InterruptedException, ActionFailed {
    JsonNode env = call(action, params);
    if (!env.path("error").isNull()) throw new ActionFailed(action, env.path("error").asText());
    return env.get("result");
  }

  /** The whole envelope. */
  JsonNode call(String action, JsonNode params) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("action", action).put("version", 6);
    if (params != null) request.set("params", params);
    return JSON.readTree(post(JSON.writeValueAsBytes(request)).body());
  }

  /** A raw body; the reply as it came. */
  HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }
}
