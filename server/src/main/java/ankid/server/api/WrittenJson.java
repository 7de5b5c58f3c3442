package ankid.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An action's result written as JSON while the action runs, inside its transaction: a large
 * result (ten thousand cards' info) then exists only as its bytes, each item written as soon as it
 * is made, rather than as objects kept until the reply is written. The reply's generator copies the
 * bytes as they are; any other (a tree for {@code multi} or the API log) reads them back.
 */
public final class WrittenJson implements JsonSerializable {
  private final ObjectMapper json;
  private final byte[] bytes;

  /** Writes one JSON value with {@code writer}. */
  public interface Writer {
    void write(JsonGenerator out) throws IOException;
  }

  private WrittenJson(ObjectMapper json, byte[] bytes) {
    this.json = json;
    this.bytes = bytes;
  }

  /** The value {@code writer} writes, with {@code json}'s settings (those of the reply). */
  public static WrittenJson of(ObjectMapper json, int sizeHint, Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, sizeHint));
    try (JsonGenerator g = json.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WrittenJson(json, out.toByteArray());
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    if (gen.getClass() == UTF8JsonGenerator.class && gen.getPrettyPrinter() == null) {
      gen.writeRawValue(new Raw(bytes));
      return;
    }
    try (JsonParser p = json.createParser(bytes)) {
      p.nextToken();
      gen.copyCurrentStructure(p);
    }
  }

  @Override
  public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  /**
   * The bytes as raw text for {@link JsonGenerator#writeRawValue(SerializableString)}, which copies
   * them without escaping. They are a whole JSON value, never a string's content, so the quoted
   * forms are the same bytes.
   */
  private record Raw(byte[] bytes) implements SerializableString {
    @Override
    public String getValue() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
      return getValue().toCharArray();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes;
    }

    @Override
    public byte[] asQuotedUTF8() {
      return bytes;
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return appendUnquotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return appendUnquoted(buffer, offset);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) return -1;
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      String s = getValue();
      if (offset + s.length() > buffer.length) return -1;
      s.getChars(0, s.length(), buffer, offset);
      return s.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      return writeUnquotedUTF8(out);
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
      return putUnquotedUTF8(buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < bytes.length) return -1;
      buffer.put(bytes);
      return bytes.length;
    }
  }
}
