package ankid.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls actions on a running ankid server, as any AnkiConnect client would (version 6 envelopes). */
public final class ServerClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The server answered with an error envelope; the message is the server's. */
  public static final class ErrorReply extends Exception {
    private final JsonNode envelope;

    public ErrorReply(JsonNode envelope) {
      super(envelope.path("error").asText());
      this.envelope = envelope;
    }

    /** The whole reply (ankid may add members beside result and error, e.g. a confirmation preview). */
    public JsonNode envelope() {
      return envelope;
    }
  }

  /** Nothing answered at the URL (no server, or a stale record of a killed one). */
  public static final class Unreachable extends IOException {
    public Unreachable(URI url, Throwable cause) {
      super("no ankid server answers at " + url, cause);
    }
  }

  private final URI url;
  private final JsonNode key;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  public ServerClient(URI url, JsonNode key) {
    this.url = url;
    this.key = key == null ? NullNode.getInstance() : key;
  }

  public URI url() {
    return url;
  }

  /** The request body for an action: {@code action}, {@code version}, {@code params} and the key. */
  public ObjectNode request(String action, JsonNode params) {
    ObjectNode req = JSON.createObjectNode();
    req.put("action", action);
    req.put("version", 6);
    req.set("params", params == null ? JSON.createObjectNode() : params);
    if (!key.isNull()) req.set("key", key);
    return req;
  }

  /** Sends a prepared request object and returns the whole reply envelope. */
  public JsonNode send(ObjectNode request) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
        .build();
    HttpResponse<byte[]> reply;
    try {
      reply = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new Unreachable(url, e);
    }
    if (reply.statusCode() != 200) {
      throw new IOException("the server at " + url + " answered HTTP " + reply.statusCode());
    }
    return JSON.readTree(reply.body());
  }

  /** Calls an action and returns its result; an error reply becomes {@link ErrorReply}. */
  public JsonNode call(String action, JsonNode params) throws IOException, InterruptedException, ErrorReply {
    JsonNode env = send(request(action, params));
    if (!env.path("error").isNull() && !env.path("error").isMissingNode()) throw new ErrorReply(env);
    return env.path("result");
  }

  /** Whether an ankid server answers at all (used to tell a stale record from a live server). */
  public boolean answers() {
    try {
      send(request("version", null));
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
