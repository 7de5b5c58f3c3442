package ankid.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * AnkiConnect's {@code apiLogPath}: [request]/[reply] blocks of key-sorted, indented JSON. Unlike
 * AnkiConnect, which truncates the file at start-up, the log is appended to, so a mistyped path
 * can never wipe a file that is not a log; and the API key is left out of every logged request.
 */
public final class ApiLog implements AutoCloseable {
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final Writer out;

  private ApiLog(Writer out) {
    this.out = out;
  }

  /** Opens the log for appending; a path that cannot be written fails with one line saying so. */
  public static ApiLog open(Path file) {
    try {
      return new ApiLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    } catch (IOException | UnsupportedOperationException e) {
      String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.NoSuchFileException ? "no such folder"
          : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
          : String.valueOf(e.getMessage());
      throw new UncheckedIOException("cannot write apiLogPath " + file + ": " + reason,
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  public synchronized void log(String kind, JsonNode value) {
    try {
      Object sorted = PRETTY.treeToValue(withoutKeys(value), Object.class);
      out.write("[" + kind + "]\n" + PRETTY.writeValueAsString(sorted) + "\n\n");
      out.flush();
    } catch (IOException | RuntimeException e) {
      // logging must never break a request
    }
  }

  /** The request without its {@code key}, nor those of the sub-requests of {@code multi}. */
  static JsonNode withoutKeys(JsonNode request) {
    if (!request.isObject() || !containsKey(request)) return request;
    ObjectNode copy = request.deepCopy();
    strip(copy);
    return copy;
  }

  private static boolean containsKey(JsonNode n) {
    if (n.isObject() && n.has("key")) return true;
    for (JsonNode child : n) {
      if (child.isContainerNode() && containsKey(child)) return true;
    }
    return false;
  }

  private static void strip(JsonNode n) {
    if (n.isObject() && n.has("action")) ((ObjectNode) n).remove("key");
    for (JsonNode child : n) if (child.isContainerNode()) strip(child);
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
