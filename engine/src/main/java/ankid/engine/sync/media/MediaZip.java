package ankid.engine.sync.media;

import ankid.engine.AnkiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zips media syncs exchange (rslib sync/media/zip.rs): stored (uncompressed) entries named
 * {@code 0}, {@code 1}, … and a {@code _meta} entry mapping them to file names. Downloads map
 * entry → name; uploads list {@code [name, entry or null for a deletion]}.
 */
public final class MediaZip {
  /** rslib sync/media/mod.rs limits. */
  public static final int MAX_FILES = 25;
  public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;
  public static final long TARGET_ZIP_BYTES = (long) (2.5 * 1024 * 1024);
  public static final int MAX_SERVER_NAME_BYTES = 255;

  private static final ObjectMapper JSON = new ObjectMapper();

  private MediaZip() {}

  /** One file of an upload: data, or null for a deletion. */
  public record Change(String fname, byte[] data) {
    public boolean isDeletion() {
      return data == null;
    }
  }

  public static byte[] forDownload(Map<String, byte[]> files) {
    ObjectNode meta = JSON.createObjectNode();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      entries.put(Integer.toString(i), f.getValue());
      meta.put(Integer.toString(i), f.getKey());
      i++;
    }
    return zip(entries, meta);
  }

  public static byte[] forUpload(List<Change> changes) {
    ArrayNode meta = JSON.createArrayNode();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      ArrayNode row = meta.addArray().add(c.fname());
      if (c.isDeletion()) {
        row.addNull();
      } else {
        entries.put(Integer.toString(i), c.data());
        row.add(Integer.toString(i));
      }
    }
    return zip(entries, meta);
  }

  /**
   * A client's upload, checked as rslib unzip_and_validate_files checks it: at most 25 files, NFC
   * names without separators of at most 255 bytes, non-empty files of at most 100 MB.
   */
  public static List<Change> readUpload(byte[] zip) {
    Map<String, byte[]> entries = unzip(zip);
    byte[] metaBytes = entries.get("_meta");
    if (metaBytes == null || metaBytes.length > 50 * 1024) throw invalid("missing or oversized _meta");
    JsonNode meta = parse(metaBytes);
    if (!meta.isArray()) throw invalid("_meta is not a list");
    if (meta.size() > MAX_FILES) throw invalid("too many files in zip");
    List<Change> out = new ArrayList<>();
    for (JsonNode row : meta) {
      if (!row.isArray() || row.size() != 2 || !row.get(0).isTextual()) throw invalid("malformed _meta entry");
      String name = row.get(0).asText();
      if (name.getBytes(StandardCharsets.UTF_8).length > MAX_SERVER_NAME_BYTES) {
        throw invalid("filename too long: " + name.getBytes(StandardCharsets.UTF_8).length);
      }
      if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) throw invalid("filename was not in nfc: " + name);
      if (name.contains("/") || name.contains("\\") || name.isEmpty() || name.equals(".") || name.equals("..")) {
        throw invalid("filename contained separator: " + name);
      }
      JsonNode inZip = row.get(1);
      // older clients and AnkiDroid send "" instead of null for a deletion
      if (inZip.isNull() || inZip.asText().isEmpty()) {
        out.add(new Change(name, null));
        continue;
      }
      byte[] data = entries.get(inZip.asText());
      if (data == null) throw invalid("missing zip entry " + inZip.asText());
      if (data.length > MAX_FILE_BYTES) throw invalid("file too large");
      if (data.length == 0) throw invalid("file entry was zero bytes");
      out.add(new Change(name, data));
    }
    return out;
  }

  /** A server's download zip as entry name → data, keyed by the real file name. */
  public static Map<String, byte[]> readDownload(byte[] zip) {
    Map<String, byte[]> entries = unzip(zip);
    byte[] metaBytes = entries.get("_meta");
    if (metaBytes == null) throw invalid("malformed zip");
    JsonNode meta = parse(metaBytes);
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().equals("_meta")) continue;
      JsonNode name = meta.get(e.getKey());
      if (name == null || !name.isTextual()) throw invalid("malformed zip");
      out.put(name.asText(), e.getValue());
    }
    return out;
  }

  private static byte[] zip(Map<String, byte[]> entries, JsonNode meta) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) stored(zip, e.getKey(), e.getValue());
      stored(zip, "_meta", JSON.writeValueAsBytes(meta));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  private static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> out = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        // readNBytes bounds what a lying header can make us allocate
        byte[] data = in.readNBytes((int) MAX_FILE_BYTES + 1);
        out.put(e.getName(), data);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("invalid zip: " + e.getMessage());
    }
    return out;
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw invalid("invalid _meta");
    }
  }

  private static AnkiException.InvalidInput invalid(String message) {
    return new AnkiException.InvalidInput(message);
  }
}
