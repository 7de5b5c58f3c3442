package ankid.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** AnkiConnect's {@code apiLogPath}: the file is truncated at start-up, then gets [request]/[reply] blocks. */
public final class ApiLog implements AutoCloseable {
  private static final ObjectMapper PRETTY = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final Writer out;

  public ApiLog(Path file) {
    try {
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open apiLogPath " + file, e);
    }
  }

  public synchronized void log(String kind, JsonNode value) {
    try {
      Object sorted = PRETTY.treeToValue(value, Object.class);
      out.write("[" + kind + "]\n" + PRETTY.writeValueAsString(sorted) + "\n\n");
      out.flush();
    } catch (IOException e) {
      // logging must never break a request
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
