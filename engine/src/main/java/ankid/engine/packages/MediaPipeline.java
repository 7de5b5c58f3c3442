package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.media.MediaNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The media files of an export, read, hashed and (for LATEST packages) compressed on a worker
 * thread while the caller writes the previous ones into the zip, so reading, SHA-1, zstd and
 * writing overlap. At most {@value #IN_FLIGHT_BYTES} bytes of file content wait in memory; files
 * larger than {@value #IN_MEMORY_MAX} bytes are handed over by path and streamed by the writer.
 * Files are delivered in the order of {@code names}; names of files that do not exist are skipped
 * (rslib package/media.rs, {@code MediaIter::from_file_list}).
 */
final class MediaPipeline implements AutoCloseable {
  private static final int IN_MEMORY_MAX = 4 << 20;
  private static final int IN_FLIGHT_BYTES = 16 << 20;

  /** A file ready to be written: {@code payload} is its entry's bytes, or null to stream {@code file}. */
  record Prepared(String name, Path file, long size, byte[] sha1, byte[] payload, int payloadLength) {}

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
  private final Semaphore budget = new Semaphore(IN_FLIGHT_BYTES);
  private final Thread worker;

  MediaPipeline(Path folder, Iterable<String> names, boolean compress) {
    worker = new Thread(() -> run(folder, names, compress), "ankid-media");
    worker.setDaemon(true);
    worker.start();
  }

  private void run(Path folder, Iterable<String> names, boolean compress) {
    try (ZstdCodec codec = new ZstdCodec()) {
      for (String name : names) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) continue;
        // Anki will not export a file whose name it would not write (Check Media renames it).
        if (!MediaNames.isNormalized(name)) throw new AnkiException.InvalidInput(ApkgExport.CHECK_MEDIA);
        long size = Files.size(file);
        if (size > IN_MEMORY_MAX) {
          queue.put(new Prepared(name, file, size, null, null, 0));
          continue;
        }
        budget.acquire((int) size);
        MessageDigest sha1 = PackageWriter.sha1();
        Prepared prepared;
        if (compress) {
          ZstdCodec.Frame frame = codec.compressFile(file, size, sha1);
          prepared = new Prepared(name, file, frame.size(), sha1.digest(), frame.bytes(), frame.length());
        } else {
          byte[] data = Files.readAllBytes(file);
          sha1.update(data);
          prepared = new Prepared(name, file, data.length, sha1.digest(), data, data.length);
        }
        queue.put(prepared);
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | IOException e) {
      try {
        queue.put(e);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next file, or null when all are done; a failure of the worker is thrown here. */
  Prepared next() throws IOException {
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while exporting media", e);
    }
    if (item == END) return null;
    if (item instanceof IOException e) throw e;
    if (item instanceof RuntimeException e) throw e;
    return (Prepared) item;
  }

  /** The writer is done with a file: its bytes may be replaced by the next ones. */
  void written(Prepared p) {
    if (p.payload() != null) budget.release((int) p.size());
  }

  @Override
  public void close() {
    worker.interrupt();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
