package ankid.engine.packages;

import ankid.engine.media.InvalidMediaNameException;
import ankid.engine.media.MediaNames;
import ankid.engine.proto.ImportExportProto.MediaEntries;
import ankid.engine.proto.ImportExportProto.PackageMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An .apkg or .colpkg opened for reading (rslib {@code package/meta.rs} {@code Meta::from_archive},
 * {@code package/media.rs} {@code extract_media_entries}). Entries are streamed, never loaded
 * whole, and everything read counts against the package's {@link ExpansionBudget}. Every way a
 * file can fail to be a package ends in a {@link PackageException}.
 */
public final class PackageArchive implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHA1_BYTES = 20;

  private final Path path;
  private final ZipFile zip;
  private final ExpansionBudget budget;
  private final PackageVersion version;
  private final ZstdCodec codec = new ZstdCodec();
  private final byte[] buffer = new byte[128 * 1024];

  private PackageArchive(Path path, ZipFile zip, ExpansionBudget budget) {
    this.path = path;
    this.zip = zip;
    this.budget = budget;
    this.version = readVersion();
  }

  /** Opens a package file; a missing file is an {@link java.io.IOException} wrapped as a package error. */
  public static PackageArchive open(Path path, PackageLimits limits) {
    ZipFile zip;
    long size;
    try {
      size = Files.size(path);
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw PackageException.corrupt("not a zip file, or truncated: " + e.getMessage(), e);
    } catch (IOException e) {
      throw PackageException.io("cannot read " + path, e);
    }
    try {
      return new PackageArchive(path, zip, new ExpansionBudget(limits.budgetFor(size)));
    } catch (RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public PackageVersion version() {
    return version;
  }

  /** Whether the zip has an entry of that name. */
  public boolean has(String name) {
    return zip.getEntry(name) != null;
  }

  /**
   * The {@code meta} entry, or when it is absent (packages from before 2.1.50) the layout implied by
   * the collection entry present. A version this code does not know means a newer Anki wrote it.
   */
  private PackageVersion readVersion() {
    ZipEntry meta = zip.getEntry("meta");
    if (meta == null) return has(PackageVersion.LEGACY_2.collectionEntry()) ? PackageVersion.LEGACY_2 : PackageVersion.LEGACY_1;
    PackageMetadata parsed;
    try (InputStream in = raw(meta)) {
      parsed = PackageMetadata.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw PackageException.corrupt("its meta entry is not package metadata", e);
    } catch (IOException e) {
      throw PackageException.corrupt("its meta entry cannot be read: " + e.getMessage(), e);
    }
    PackageVersion v = PackageVersion.ofNumber(parsed.getVersionValue());
    if (v == null) throw PackageException.tooNew("package version " + parsed.getVersionValue());
    return v;
  }

  /** Copies the embedded collection, decompressed, to {@code dest}; returns its size. */
  public long extractCollection(Path dest) {
    String name = version.collectionEntry();
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) throw PackageException.corrupt("it has no " + name);
    long size;
    try (InputStream in = open(entry, version.zstdCompressed()); OutputStream out = Files.newOutputStream(dest)) {
      size = copy(in, out);
    } catch (PackageException e) {
      throw e;
    } catch (IOException e) {
      throw damaged(name, e);
    }
    if (size == 0) throw PackageException.corrupt("its " + name + " is empty");
    return size;
  }

  /**
   * The media files the package lists, names checked and normalised: a LATEST map must hold only
   * safe, already normalised names and 20-byte hashes; a legacy map's keys must be numbers.
   */
  public List<PackagedMedia> mediaEntries() {
    ZipEntry entry = zip.getEntry("media");
    if (entry == null) return List.of(); // older AnkiDroid wrote packages without a map
    byte[] data;
    try (InputStream in = open(entry, version.zstdCompressed())) {
      data = in.readAllBytes();
    } catch (PackageException e) {
      throw e;
    } catch (IOException e) {
      throw damaged("media", e);
    }
    return version.legacyMediaMap() ? legacyEntries(data) : latestEntries(data);
  }

  private static List<PackagedMedia> legacyEntries(byte[] data) {
    JsonNode map;
    try {
      map = JSON.readTree(data);
    } catch (IOException e) {
      throw PackageException.corrupt("its media map is not JSON", e);
    }
    if (map == null || !map.isObject()) throw PackageException.corrupt("its media map is not a JSON object");
    List<PackagedMedia> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int index;
      try {
        index = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw PackageException.corrupt("its media map has the key '" + e.getKey() + "', which is not a number");
      }
      if (index < 0) throw PackageException.corrupt("its media map has the negative key " + index);
      if (!e.getValue().isTextual()) throw PackageException.corrupt("its media map entry " + index + " is not a name");
      out.add(new PackagedMedia(safeNormalizedName(e.getValue().asText()), 0, null, index));
    }
    return out;
  }

  private static List<PackagedMedia> latestEntries(byte[] data) {
    MediaEntries entries;
    try {
      entries = MediaEntries.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw PackageException.corrupt("its media map is not a list of media entries", e);
    }
    List<PackagedMedia> out = new ArrayList<>();
    for (int i = 0; i < entries.getEntriesCount(); i++) {
      MediaEntries.MediaEntry e = entries.getEntries(i);
      if (e.getSha1().size() != SHA1_BYTES) throw PackageException.corrupt("media entry " + i + " has no SHA-1");
      String name = safeNormalizedName(e.getName());
      if (!name.equals(e.getName())) {
        throw PackageException.corrupt("media entry " + i + " has the unnormalised name '" + e.getName() + "'");
      }
      out.add(new PackagedMedia(name, Integer.toUnsignedLong(e.getSize()), e.getSha1().toByteArray(), i));
    }
    return out;
  }

  /**
   * Anki's {@code safe_normalized_file_name}: a single plain path component (no {@code ../x}, no
   * absolute path, no separator), then normalised as Anki names media files.
   */
  static String safeNormalizedName(String name) {
    try {
      return MediaNames.requireSafe(name);
    } catch (InvalidMediaNameException e) {
      throw PackageException.corrupt("its media map names the unsafe file '" + name + "'");
    }
  }

  /** A media file's bytes, decompressed; a map entry without its zip entry is an error. */
  public InputStream openMedia(PackagedMedia media) {
    ZipEntry entry = mediaEntry(media);
    try {
      return new DamageReportingStream(open(entry, version.zstdCompressed()), media.zipEntry());
    } catch (IOException e) {
      throw damaged(media.zipEntry(), e);
    }
  }

  /**
   * Writes a media file's bytes, decompressed, to {@code out}; returns its size. Failures reading
   * the package are {@link PackageException}s, failures writing {@code out} {@link IOException}s.
   */
  public long copyMedia(PackagedMedia media, FileChannel out) throws IOException {
    if (!version.zstdCompressed()) {
      try (InputStream in = openMedia(media)) {
        return copy(in, Channels.newOutputStream(out));
      }
    }
    // Current packages' media go from zstd's native buffer to the file with no copy through the heap.
    ZipEntry entry = mediaEntry(media);
    try (InputStream in = new DamageReportingStream(raw(entry), media.zipEntry())) {
      return codec.decompressTo(in, out, n -> budget.spend(n, entry.getName()));
    } catch (ZstdCodec.BadFrame e) {
      throw damaged(media.zipEntry(), e);
    }
  }

  private ZipEntry mediaEntry(PackagedMedia media) {
    ZipEntry entry = zip.getEntry(media.zipEntry());
    if (entry == null) {
      throw PackageException.corrupt("its media map lists '" + media.name() + "' as entry " + media.zipEntry()
          + ", which is missing from the zip");
    }
    return entry;
  }

  /**
   * Copies in steps of zstd's block size rather than {@link InputStream#transferTo}'s 8 KiB: a
   * gigabyte of media then takes thousands of reads and writes through the stream layers and into
   * the kernel instead of over a hundred thousand.
   */
  private long copy(InputStream in, OutputStream out) throws IOException {
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /** The stored (possibly still compressed) size of a media file's entry, or -1 when missing. */
  public long storedSize(PackagedMedia media) {
    ZipEntry entry = zip.getEntry(media.zipEntry());
    return entry == null ? -1 : entry.getSize();
  }

  private InputStream open(ZipEntry entry, boolean zstd) throws IOException {
    InputStream in = raw(entry);
    // Counted after decompression: the budget is about what lands on disk.
    return budget.limit(zstd ? codec.decompressing(in) : in, entry.getName());
  }

  private InputStream raw(ZipEntry entry) throws IOException {
    return zip.getInputStream(entry);
  }

  static PackageException damaged(String entry, IOException e) {
    return PackageException.corrupt("its entry " + entry + " is damaged: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    closeQuietly(zip);
    codec.close();
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only: nothing is lost
    }
  }

  /** Turns read failures inside an entry (truncation, bad zstd frames) into package errors. */
  private static final class DamageReportingStream extends java.io.FilterInputStream {
    private final String entry;

    DamageReportingStream(InputStream in, String entry) {
      super(in);
      this.entry = entry;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (PackageException e) {
        throw e;
      } catch (IOException e) {
        throw damaged(entry, e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw damaged(entry, e);
      }
    }
  }
}
