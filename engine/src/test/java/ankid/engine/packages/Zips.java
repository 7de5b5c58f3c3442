package ankid.engine.packages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads a package into entries and writes doctored copies of it, for the bad-package tests. */
final class Zips {
  private Zips() {}

  static Map<String, byte[]> read(Path zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) out.put(e.getName(), z.getInputStream(e).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Path write(Path zip, Map<String, byte[]> entries) {
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zstd(byte[] data) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (com.github.luben.zstd.ZstdOutputStream z = new com.github.luben.zstd.ZstdOutputStream(buf)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }
}
