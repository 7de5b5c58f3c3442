package ankid.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AnkiConnect's configuration keys with their defaults ({@code plugin/util.py, DEFAULT_CONFIG}).
 * {@code apiKey} is kept as a JSON value because AnkiConnect compares it with the request's key by
 * JSON equality.
 */
public record ServerConfig(
    JsonNode apiKey,
    Path apiLogPath,
    int apiVersion,
    String webBindAddress,
    int webBindPort,
    List<String> webCorsOriginList,
    List<String> ignoreOriginList,
    int webTimeout) {

  public static ServerConfig defaults() {
    return new ServerConfig(NullNode.getInstance(), null, 6, "127.0.0.1", 8765,
        List.of("http://localhost"), List.of(), 10000);
  }

  /** Reads AnkiConnect's config.json keys over the defaults; unknown keys are ignored. */
  public static ServerConfig read(Path file) throws IOException {
    JsonNode o = new ObjectMapper().readTree(Files.readAllBytes(file));
    ServerConfig d = defaults();
    List<String> cors = new ArrayList<>(strings(o.get("webCorsOriginList"), d.webCorsOriginList()));
    if (o.path("webCorsOrigin").isTextual()) cors.add(o.get("webCorsOrigin").asText());
    return new ServerConfig(
        o.has("apiKey") ? o.get("apiKey") : d.apiKey(),
        o.path("apiLogPath").isTextual() ? Path.of(o.get("apiLogPath").asText()) : null,
        o.path("apiVersion").isInt() ? o.get("apiVersion").asInt() : d.apiVersion(),
        o.path("webBindAddress").isTextual() ? o.get("webBindAddress").asText() : d.webBindAddress(),
        o.path("webBindPort").isInt() ? o.get("webBindPort").asInt() : d.webBindPort(),
        cors,
        strings(o.get("ignoreOriginList"), d.ignoreOriginList()),
        o.path("webTimeout").isInt() ? o.get("webTimeout").asInt() : d.webTimeout());
  }

  private static List<String> strings(JsonNode arr, List<String> dflt) {
    if (arr == null || !arr.isArray()) return dflt;
    List<String> out = new ArrayList<>();
    arr.forEach(v -> out.add(v.asText()));
    return out;
  }

  public ServerConfig withBind(String address, Integer port) {
    return new ServerConfig(apiKey, apiLogPath, apiVersion, address != null ? address : webBindAddress,
        port != null ? port : webBindPort, webCorsOriginList, ignoreOriginList, webTimeout);
  }

  public ServerConfig withApiKey(JsonNode key) {
    return new ServerConfig(key, apiLogPath, apiVersion, webBindAddress, webBindPort, webCorsOriginList,
        ignoreOriginList, webTimeout);
  }

  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(apiKey, apiLogPath, apiVersion, webBindAddress, webBindPort, List.copyOf(origins),
        ignoreOriginList, webTimeout);
  }
}
