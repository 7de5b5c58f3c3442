package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.writeMedia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package Anki would refuse, or a hostile one, is refused with a clear message, and the
 * collection and media folder stay exactly as they were.
 */
class BadPackageTest {
  @TempDir Path tmp;
  private TestCollections collections;
  private Collection target;
  private Path latest;
  private Path legacy;
  private List<String> before;

  @BeforeEach
  void open() {
    collections = new TestCollections(tmp);
    try (Collection source = collections.create("source")) {
      writeMedia(source, "cat.jpg", "meow");
      addBasic(source, "<img src=\"cat.jpg\">", "back");
      latest = collections.exportAll(source);
      legacy = collections.export(source, ExportOptions.wholeCollection().legacy(true));
    }
    target = collections.create("target");
    addBasic(target, "already here", "");
    writeMedia(target, "mine.jpg", "mine");
    before = state();
  }

  @AfterEach
  void close() {
    assertThat(state()).as("collection and media unchanged").isEqualTo(before);
    target.close();
  }

  /** Every row of every table, and the media folder's files. */
  private List<String> state() {
    List<String> out = new ArrayList<>();
    for (String table : target.db().query("select name from sqlite_master where type = 'table' order by name",
        rs -> rs.getString(1))) {
      out.add(table + ": " + target.db().query("select * from " + table, rs -> {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
        }
        return row.toString();
      }));
    }
    try (Stream<Path> files = Files.list(target.mediaFolder())) {
      out.add("media: " + files.map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out;
  }

  private Path doctored(Path pkg, Map<String, byte[]> changes, String... removed) {
    Map<String, byte[]> entries = Zips.read(pkg);
    for (String r : removed) entries.remove(r);
    entries.putAll(changes);
    return Zips.write(tmp.resolve("bad-" + System.nanoTime() + ".apkg"), entries);
  }

  private void assertRefused(Path pkg, String message) {
    assertThatThrownBy(() -> Packages.importApkg(target, pkg, ImportOptions.ANKICONNECT, Progress.NONE))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aTruncatedZipIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(latest);
    Path cut = Files.write(tmp.resolve("cut.apkg"), Arrays.copyOf(bytes, bytes.length / 2));

    assertRefused(cut, "The provided file is not a valid .apkg file. (not a zip file, or truncated");
  }

  @Test
  void aFileThatIsNoZipIsRefused() throws IOException {
    Path text = Files.writeString(tmp.resolve("notes.apkg"), "front,back\n");

    assertRefused(text, "not a zip file");
  }

  @Test
  void aDamagedEntryIsRefused() {
    byte[] collection = Zips.read(latest).get("collection.anki21b");
    byte[] damaged = Arrays.copyOf(collection, collection.length);
    for (int i = 100; i < damaged.length; i += 7) damaged[i] ^= 0x5a;

    assertRefused(doctored(latest, Map.of("collection.anki21b", damaged)), "The provided file is not a valid .apkg file.");
  }

  @Test
  void aDamagedMediaFileIsRefused() {
    byte[] media = Zips.read(latest).get("0");
    byte[] damaged = Arrays.copyOf(media, media.length);
    for (int i = 4; i < damaged.length; i++) damaged[i] ^= 0x5a;

    assertRefused(doctored(latest, Map.of("0", damaged)), "its entry 0 is damaged");
  }

  @Test
  void aTruncatedMediaFileIsRefused() {
    byte[] media = Zips.read(latest).get("0");

    assertRefused(doctored(latest, Map.of("0", Arrays.copyOf(media, media.length - 3))), "its entry 0 is damaged");
  }

  @Test
  void anUnknownMetaVersionIsRefusedAsTooNew() {
    assertRefused(doctored(latest, Map.of("meta", new byte[] {0x08, 0x09})),
        "This collection requires a newer version of Anki to open. (package version 9)");
  }

  @Test
  void aMetaVersionOfZeroIsRefusedAsTooNew() {
    assertRefused(doctored(latest, Map.of("meta", new byte[0])), "This collection requires a newer version of Anki");
  }

  @Test
  void aMissingCollectionIsRefused() {
    assertRefused(doctored(latest, Map.of(), "collection.anki21b"), "it has no collection.anki21b");
  }

  @Test
  void aCollectionThatIsNoDatabaseIsRefused() {
    assertRefused(doctored(latest, Map.of("collection.anki21b", Zips.zstd(Zips.utf8("not sqlite at all, sorry")))),
        "its collection cannot be opened");
  }

  @Test
  void anEmptyCollectionIsRefused() {
    assertRefused(doctored(legacy, Map.of("collection.anki21", new byte[0])), "its collection.anki21 is empty");
  }

  @Test
  void aMediaEntryNamedUpwardsIsRefused() {
    assertRefused(doctored(legacy, Map.of("media", Zips.utf8("{\"0\": \"../x\"}"))), "unsafe file '../x'");
  }

  @Test
  void anAbsoluteMediaNameIsRefused() {
    assertRefused(doctored(legacy, Map.of("media", Zips.utf8("{\"0\": \"/etc/cron.d/x\"}"))), "unsafe file '/etc/cron.d/x'");
  }

  @Test
  void aMediaMapKeyThatIsNoNumberIsRefused() {
    assertRefused(doctored(legacy, Map.of("media", Zips.utf8("{\"zero\": \"cat.jpg\"}"))), "which is not a number");
  }

  @Test
  void aMediaMapPointingAtAMissingEntryIsRefused() {
    assertRefused(doctored(legacy, Map.of(), "0"), "lists 'cat.jpg' as entry 0, which is missing from the zip");
  }

  @Test
  void filesCopiedBeforeAMissingEntryAreRemoved() {
    Path many;
    try (Collection source = collections.create("many")) {
      for (int i = 0; i < 20; i++) {
        writeMedia(source, "f" + i + ".jpg", "file " + i);
        addBasic(source, "<img src=\"f" + i + ".jpg\">", "note " + i);
      }
      many = collections.exportAll(source);
    }

    assertRefused(doctored(many, Map.of(), "19"), "which is missing from the zip");
  }

  @Test
  void anUnnormalisedLatestMediaNameIsRefused() {
    byte[] map = Zips.zstd(ankid.engine.proto.ImportExportProto.MediaEntries.newBuilder()
        .addEntries(ankid.engine.proto.ImportExportProto.MediaEntries.MediaEntry.newBuilder().setName("a?b.jpg")
            .setSize(4).setSha1(com.google.protobuf.ByteString.copyFrom(new byte[20])))
        .build().toByteArray());

    assertRefused(doctored(latest, Map.of("media", map)), "unnormalised name 'a?b.jpg'");
  }

  @Test
  void aZipBombIsStoppedWhileItExpands() throws IOException {
    Path bomb = tmp.resolve("bomb.apkg");
    Map<String, byte[]> entries = Zips.read(latest);
    entries.remove("collection.anki21b");
    Zips.write(bomb, entries);
    Map<String, byte[]> withBomb = new java.util.LinkedHashMap<>(entries);
    // 300 MiB of zeros is a few KiB of zstd: far beyond any plausible ratio.
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (OutputStream z = new com.github.luben.zstd.ZstdOutputStream(buf)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) z.write(zeros);
    }
    withBomb.put("collection.anki21b", buf.toByteArray());
    Zips.write(bomb, withBomb);

    assertRefused(bomb, "refusing it as a zip bomb");
  }

  @Test
  void expansionIsLimitedByThePackagesSize() {
    assertThatThrownBy(() -> Packages.importApkg(target, latest, ImportOptions.ANKICONNECT,
        new PackageLimits(2, 1024), Progress.NONE))
        .isInstanceOf(PackageException.class).hasMessageContaining("zip bomb");
  }
}
