package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Request bodies of protocol 11: one zstd frame holding JSON, a collection file or a zip (rslib
 * request/header_and_stream.rs decode_zstd_body_for_server). The compressed size is capped (HTTP
 * 413, as axum's body limit answers) and so is the inflated size.
 */
final class SyncBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputStream raw;
  private final SyncLimits limits;

  SyncBodies(InputStream raw, long contentLength, SyncLimits limits) {
    if (contentLength > limits.maxBytes()) throw new HttpStatusException(413, "payload too large");
    this.raw = new Capped(raw, limits.maxBytes());
    this.limits = limits;
  }

  JsonNode json() {
    byte[] data = bytes();
    try {
      JsonNode node = JSON.readTree(data);
      if (node == null) throw HttpStatusException.badRequest("invalid json");
      return node;
    } catch (IOException e) {
      throw HttpStatusException.badRequest("invalid json");
    }
  }

  /** The inflated body; one larger than the uncompressed limit is refused. */
  byte[] bytes() {
    try (InputStream in = new ZstdInputStream(raw)) {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxUncompressedBytes()));
      if (in.read() != -1) throw HttpStatusException.badRequest("decoding zstd body: too large");
      return data;
    } catch (IOException e) {
      throw rethrow(e);
    }
  }

  /**
   * Inflates the body into {@code target}; returns false when it is larger than the uncompressed
   * limit (then {@code target} holds only the first part).
   */
  boolean toFile(Path target) {
    try (InputStream in = new ZstdInputStream(raw); OutputStream out = Files.newOutputStream(target)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        total += n;
        if (total > limits.maxUncompressedBytes()) return false;
        out.write(buf, 0, n);
      }
      return true;
    } catch (IOException e) {
      throw rethrow(e);
    }
  }

  private static HttpStatusException rethrow(IOException e) {
    if (e instanceof TooLarge t) return new HttpStatusException(413, t.getMessage());
    return new HttpStatusException(400, "decoding zstd body", e);
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("payload too large");
    }
  }

  /** Fails once more than {@code max} compressed bytes have arrived (chunked bodies have no length). */
  private static final class Capped extends FilterInputStream {
    private long left;

    Capped(InputStream in, long max) {
      super(in);
      this.left = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) throw new TooLarge();
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (left -= n) < 0) throw new TooLarge();
      return n;
    }
  }
}
