package ankid.engine.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Locates {@code ../shared} (fixtures made by real Anki, the oracle). Tests that need it call
 * {@link #require()} and are skipped with a clear reason when it is absent; CI always has it.
 */
public final class SharedFiles {
  private SharedFiles() {}

  public static Path root() {
    String prop = System.getProperty("ankid.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("../shared");
    if (!Files.isDirectory(p)) p = Path.of("../../shared");
    return p.toAbsolutePath().normalize();
  }

  public static boolean present() {
    return Files.isDirectory(root().resolve("fixtures")) && Files.isDirectory(root().resolve("oracle"));
  }

  /** Skips the calling test when ../shared is missing. */
  public static Path require() {
    assumeTrue(present(), "skipped: ../shared (fixtures and anki-oracle) is not beside the repository");
    return root();
  }

  public static Path fixture(String name) {
    return require().resolve("fixtures").resolve(name);
  }

  /**
   * Extracts the collection inside a fixture package to {@code dir/collection.anki2}, decompressing
   * {@code collection.anki21b} when present, else taking {@code collection.anki21} or
   * {@code collection.anki2}. The fixture itself is never opened in place.
   */
  public static Path unpackCollection(String fixtureName, Path dir) {
    Path pkg = fixture(fixtureName);
    byte[] b21b = null, b21 = null, b2 = null;
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(pkg))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        switch (e.getName()) {
          case "collection.anki21b" -> b21b = zin.readAllBytes();
          case "collection.anki21" -> b21 = zin.readAllBytes();
          case "collection.anki2" -> b2 = zin.readAllBytes();
          default -> {}
        }
      }
      byte[] data;
      if (b21b != null) {
        try (InputStream in = new com.github.luben.zstd.ZstdInputStream(new java.io.ByteArrayInputStream(b21b))) {
          data = in.readAllBytes();
        }
      } else {
        data = b21 != null ? b21 : b2;
      }
      if (data == null) throw new IllegalStateException("no collection in " + pkg);
      Files.createDirectories(dir);
      Path out = dir.resolve("collection.anki2");
      Files.write(out, data);
      return out;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
