package ankid.engine.packages;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.security.MessageDigest;

/**
 * zstd frames for a package's many media files through one compression and one decompression
 * context, reused for every file (rslib package/media.rs, {@code MediaCopier}, reuses its encoder
 * the same way): a new native context per file would cost time and, through the allocator, memory
 * for every one of 10,000 photos. Frames are streamed in fixed chunks and, as Anki writes them, do
 * not declare their size. Not thread-safe: one file at a time.
 */
final class ZstdCodec implements AutoCloseable {
  /** Anki passes level 0, zstd's default. */
  private static final int LEVEL = 3;
  private static final int CHUNK = 128 * 1024;

  private final ByteBuffer src = ByteBuffer.allocateDirect(CHUNK);
  private final ByteBuffer dst = ByteBuffer.allocateDirect(CHUNK);
  private final byte[] heap = new byte[CHUNK];
  /** Compressed bytes on their way into {@link #src}; one array for every file, not one each. */
  private final byte[] compressedIn = new byte[CHUNK];
  private ZstdCompressCtx compressor;
  /** The frame {@link #compressFile} is filling, and how much of it is filled. */
  private byte[] frame;
  private int frameLength;
  private ZstdDecompressCtx decompressor;

  /**
   * Compresses everything {@code in} holds into one frame written to {@code out}, feeding the
   * uncompressed bytes to {@code digest}. Returns the uncompressed size.
   */
  long compress(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
    if (compressor == null) compressor = new ZstdCompressCtx();
    compressor.reset();
    compressor.setLevel(LEVEL);
    long total = 0;
    int n;
    while ((n = in.read(heap)) > 0) {
      digest.update(heap, 0, n);
      total += n;
      src.clear();
      src.put(heap, 0, n).flip();
      while (src.hasRemaining()) {
        compressor.compressDirectByteBufferStream(dst.clear(), src, EndDirective.CONTINUE);
        drain(out);
      }
    }
    src.clear().flip();
    boolean done;
    do {
      done = compressor.compressDirectByteBufferStream(dst.clear(), src, EndDirective.END);
      drain(out);
    } while (!done);
    return total;
  }

  /**
   * Compresses a whole media file into one frame held in memory, feeding its bytes to {@code
   * digest}: the file is read straight into the native input buffer and the frame drained into one
   * array sized by zstd's bound, so 1 GiB of media is not also copied through heap arrays and
   * stream buffers. The frame is byte for byte what {@link #compress} writes: the same context,
   * level and {@value #CHUNK}-byte steps.
   */
  Frame compressFile(Path file, long size, MessageDigest digest) throws IOException {
    if (compressor == null) compressor = new ZstdCompressCtx();
    compressor.reset();
    compressor.setLevel(LEVEL);
    frame = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Zstd.compressBound(size) + 64)];
    frameLength = 0;
    long total = 0;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      while (true) {
        src.clear();
        while (src.hasRemaining() && in.read(src) >= 0) {
          // until a full chunk, or the end of the file
        }
        src.flip();
        if (!src.hasRemaining()) break;
        total += src.remaining();
        digest.update(src.duplicate());
        while (src.hasRemaining()) {
          compressor.compressDirectByteBufferStream(dst.clear(), src, EndDirective.CONTINUE);
          drainToFrame();
        }
      }
    }
    src.clear().flip();
    boolean done;
    do {
      done = compressor.compressDirectByteBufferStream(dst.clear(), src, EndDirective.END);
      drainToFrame();
    } while (!done);
    Frame result = new Frame(frame, frameLength, total);
    frame = null;
    return result;
  }

  /** A compressed file: {@code bytes[0, length)} is its frame, {@code size} its uncompressed size. */
  record Frame(byte[] bytes, int length, long size) {}

  private void drainToFrame() {
    dst.flip();
    int len = dst.remaining();
    if (frameLength + len > frame.length) frame = Arrays.copyOf(frame, Math.max(frame.length * 2, frameLength + len));
    dst.get(frame, frameLength, len);
    frameLength += len;
  }

  private void drain(OutputStream out) throws IOException {
    dst.flip();
    int len = dst.remaining();
    dst.get(heap, 0, len);
    out.write(heap, 0, len);
  }

  /**
   * Writes the decompressed content of the zstd frames {@code compressed} holds to {@code out},
   * straight from zstd's native output buffer (no copy through the heap), passing each step's size
   * to {@code spent} first; returns the total. Damaged or truncated frames are {@link BadFrame}s.
   */
  long decompressTo(InputStream compressed, WritableByteChannel out, LongConsumer spent) throws IOException {
    if (decompressor == null) decompressor = new ZstdDecompressCtx();
    decompressor.reset();
    src.clear().flip();
    long total = 0;
    boolean inputEnded = false;
    boolean frameEnded = true;
    while (true) {
      if (!src.hasRemaining() && !inputEnded) {
        int n = compressed.read(compressedIn);
        if (n < 0) inputEnded = true;
        else src.clear().put(compressedIn, 0, n).flip();
      }
      if (!src.hasRemaining() && inputEnded) {
        if (!frameEnded) throw new BadFrame("truncated zstd frame", null);
        return total;
      }
      dst.clear();
      try {
        frameEnded = decompressor.decompressDirectByteBufferStream(dst, src);
      } catch (ZstdException e) {
        throw new BadFrame("bad zstd data: " + e.getMessage(), e);
      }
      dst.flip();
      spent.accept(dst.remaining());
      total += dst.remaining();
      while (dst.hasRemaining()) out.write(dst);
    }
  }

  /** Compressed data zstd cannot read. */
  static final class BadFrame extends IOException {
    BadFrame(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The decompressed content of the zstd frames {@code compressed} holds. */
  InputStream decompressing(InputStream compressed) {
    if (decompressor == null) decompressor = new ZstdDecompressCtx();
    decompressor.reset();
    return new Decompressing(compressed);
  }

  @Override
  public void close() {
    if (compressor != null) compressor.close();
    if (decompressor != null) decompressor.close();
  }

  private final class Decompressing extends InputStream {
    private final InputStream in;
    private boolean inputEnded;
    /** Whether the last frame read so far is complete: input may only end there. */
    private boolean frameEnded;

    Decompressing(InputStream in) {
      this.in = in;
      src.clear().flip();
      dst.clear().flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      while (!dst.hasRemaining()) {
        if (!src.hasRemaining() && !inputEnded) refill();
        if (!src.hasRemaining() && inputEnded) {
          if (!frameEnded) throw new IOException("truncated zstd frame");
          return -1;
        }
        dst.clear();
        try {
          frameEnded = decompressor.decompressDirectByteBufferStream(dst, src);
        } catch (ZstdException e) {
          throw new IOException("bad zstd data: " + e.getMessage(), e);
        }
        dst.flip();
      }
      int n = Math.min(len, dst.remaining());
      dst.get(b, off, n);
      return n;
    }

    private void refill() throws IOException {
      int n = in.read(compressedIn);
      if (n < 0) {
        inputEnded = true;
        return;
      }
      src.clear();
      src.put(compressedIn, 0, n).flip();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
