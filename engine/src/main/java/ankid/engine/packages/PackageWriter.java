package ankid.engine.packages;

import ankid.engine.proto.ImportExportProto.MediaEntries;
import ankid.engine.proto.ImportExportProto.PackageMetadata;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a package the way current Anki does (rslib package/colpkg/export.rs,
 * {@code export_collection}): {@code meta}, the collection, the decoy {@code collection.anki2},
 * media files {@code 0}, {@code 1}, … and the media map, all stored except a legacy collection
 * (deflated). In LATEST packages the collection, each media file and the map are zstd frames.
 * Everything is streamed; the zip library fills in sizes and checksums afterwards because the
 * output file is seekable.
 */
final class PackageWriter implements AutoCloseable {
  /** Above this, the collection is compressed on every core (rslib {@code MULTITHREAD_MIN_BYTES}). */
  private static final long MULTITHREAD_MIN_BYTES = 10L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ZipArchiveOutputStream zip;
  private final PackageVersion version;
  private boolean oneCore;
  private final MediaEntries.Builder media = MediaEntries.newBuilder();
  private final ZstdCodec codec = new ZstdCodec();
  private final byte[] buffer = new byte[64 * 1024];
  private long mediaBytes;

  PackageWriter(Path out, PackageVersion version) throws IOException {
    this.zip = new ZipArchiveOutputStream(out);
    this.version = version;
  }

  /**
   * Compresses the collection on one core: a backup is written in the background, where spreading
   * zstd over every core would only take the cores from the requests being answered, and each
   * extra worker's buffers cost some 20 MB.
   */
  PackageWriter onOneCore() {
    oneCore = true;
    return this;
  }

  void writeMeta() throws IOException {
    start("meta", ZipEntry.STORED);
    PackageMetadata.newBuilder().setVersionValue(version.number()).build().writeTo(zip);
    zip.closeArchiveEntry();
  }

  /** The collection file, zstd-compressed (LATEST) or deflated (legacy). */
  void writeCollection(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      writeCollection(in, Files.size(file));
    }
  }

  void writeCollection(InputStream in, long size) throws IOException {
    if (version.zstdCompressed()) {
      start(version.collectionEntry(), ZipEntry.STORED);
      try (ZstdOutputStream z = new ZstdOutputStream(new Unclosable(zip))) {
        if (size > MULTITHREAD_MIN_BYTES && !oneCore) z.setWorkers(Runtime.getRuntime().availableProcessors());
        copy(in, z);
      }
    } else {
      start(version.collectionEntry(), ZipEntry.DEFLATED);
      copy(in, zip);
    }
    zip.closeArchiveEntry();
  }

  /** The decoy {@code collection.anki2} (current formats only). */
  void writeDummy(byte[] dummy) throws IOException {
    start(PackageVersion.LEGACY_1.collectionEntry(), ZipEntry.STORED);
    zip.write(dummy);
    zip.closeArchiveEntry();
  }

  /** Adds the next media file under its normalised name; returns its uncompressed size. */
  long addMedia(String name, InputStream data) throws IOException {
    start(Integer.toString(media.getEntriesCount()), ZipEntry.STORED);
    MessageDigest sha1 = sha1();
    long size;
    if (version.zstdCompressed()) {
      size = codec.compress(data, zip, sha1);
    } else {
      size = copy(data, zip, sha1);
    }
    zip.closeArchiveEntry();
    media.addEntries(MediaEntries.MediaEntry.newBuilder()
        .setName(name).setSize((int) size).setSha1(ByteString.copyFrom(sha1.digest())));
    mediaBytes += size;
    return size;
  }

  /** Adds a file the {@link MediaPipeline} prepared (or, when it is large, streams it now). */
  void addMedia(MediaPipeline.Prepared p) throws IOException {
    if (p.payload() == null) {
      try (InputStream in = java.nio.file.Files.newInputStream(p.file())) {
        addMedia(p.name(), in);
      }
      return;
    }
    start(Integer.toString(media.getEntriesCount()), ZipEntry.STORED);
    zip.write(p.payload(), 0, p.payloadLength());
    zip.closeArchiveEntry();
    media.addEntries(MediaEntries.MediaEntry.newBuilder()
        .setName(p.name()).setSize((int) p.size()).setSha1(ByteString.copyFrom(p.sha1())));
    mediaBytes += p.size();
  }

  int mediaCount() {
    return media.getEntriesCount();
  }

  long mediaBytes() {
    return mediaBytes;
  }

  /** Writes the media map and the zip's directory. */
  void finish() throws IOException {
    start("media", ZipEntry.STORED);
    if (version.legacyMediaMap()) {
      ObjectNode map = JSON.createObjectNode();
      for (int i = 0; i < media.getEntriesCount(); i++) map.put(Integer.toString(i), media.getEntries(i).getName());
      zip.write(JSON.writeValueAsBytes(map));
    } else {
      try (ZstdOutputStream z = new ZstdOutputStream(new Unclosable(zip))) {
        copy(new ByteArrayInputStream(media.build().toByteArray()), z);
      }
    }
    zip.closeArchiveEntry();
    zip.finish();
  }

  private void start(String name, int method) throws IOException {
    ZipArchiveEntry entry = new ZipArchiveEntry(name);
    entry.setMethod(method);
    zip.putArchiveEntry(entry);
  }

  private long copy(InputStream in, OutputStream out) throws IOException {
    return copy(in, out, null);
  }

  private long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (digest != null) digest.update(buffer, 0, n);
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      zip.close();
    } finally {
      codec.close();
    }
  }

  /** Lets a zstd stream end its frame without closing the zip underneath. */
  private static final class Unclosable extends OutputStream {
    private final OutputStream out;

    Unclosable(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() {
      // the zip stays open for the next entry
    }
  }
}
