package ankid.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An action's result written as JSON while the action runs, inside its transaction: a large
 * result (ten thousand cards' info) then exists only as its bytes, each item written as soon as it
 * is made, rather than as objects kept until the reply is written. The reply's generator copies the
 * bytes as they are; any other (a tree for {@code multi} or the API log) reads them back.
 */
public final class WrittenJson implements JsonSerializable {
  private final ObjectMapper json;
  private final Bytes bytes;

  /** Writes one JSON value with {@code writer}. */
  public interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  /** A byte stream whose bytes are read in place, not copied into an array of their size. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    byte[] buf() {
      return buf;
    }
  }

  private WrittenJson(ObjectMapper json, Bytes bytes) {
    this.json = json;
    this.bytes = bytes;
  }

  /**
   * The value {@code writer} writes, with {@code json}'s settings (those of the reply);
   * {@code sizeHint} is the expected size in bytes (growing the buffer copies it).
   */
  public static WrittenJson of(ObjectMapper json, int sizeHint, Writer writer) {
    Bytes out = new Bytes(Math.max(256, sizeHint));
    try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WrittenJson(json, out);
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    if (gen.getClass() == UTF8JsonGenerator.class && gen.getPrettyPrinter() == null
        && gen.getOutputTarget() instanceof OutputStream target) {
      // an empty raw value writes the separator the value needs; once flushed, the bytes follow it
      gen.writeRawValue("");
      gen.flush();
      target.write(bytes.buf(), 0, bytes.size());
      return;
    }
    try (JsonParser p = json.createParser(bytes.buf(), 0, bytes.size())) {
      p.nextToken();
      gen.copyCurrentStructure(p);
    }
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }
}
