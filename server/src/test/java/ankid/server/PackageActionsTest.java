package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** importPackage and exportPackage over HTTP (AnkiConnect plugin/__init__.py), and ankid's options. */
class PackageActionsTest {
  @TempDir Path tmp;
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(tmp.resolve("server"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private long addNote(TestServer s, String deck, String front) throws Exception {
    s.result("createDeck", "{\"deck\": \"" + deck + "\"}");
    return s.result("addNote", """
        {"note": {"deckName": "%s", "modelName": "Basic", "fields": {"Front": "%s", "Back": "b"}}}
        """.formatted(deck, front)).asLong();
  }

  private String json(Path p) {
    return p.toString().replace("\\", "\\\\");
  }

  private Path exported(String deck) throws Exception {
    Path out = tmp.resolve(deck.replace(":", "_") + ".apkg");
    assertThat(server.result("exportPackage", """
        {"deck": "%s", "path": "%s"}
        """.formatted(deck, json(out))).asBoolean()).isTrue();
    return out;
  }

  @Test
  void exportPackageWritesTheDeckAndImportPackageBringsItIntoAnotherCollection() throws Exception {
    addNote(server, "Lang::French", "bonjour");
    Path pkg = exported("Lang");
    try (TestServer other = new TestServer(tmp.resolve("other"))) {
      JsonNode result = other.result("importPackage", """
          {"path": "%s"}
          """.formatted(json(pkg)));

      assertThat(result.asBoolean()).isTrue();
      assertThat(other.result("findNotes", """
          {"query": "deck:Lang::French bonjour"}
          """)).hasSize(1);
    }
  }

  @Test
  void exportPackageOfAnUnknownDeckIsFalseAndWritesNothing() throws Exception {
    Path out = tmp.resolve("none.apkg");

    assertThat(server.result("exportPackage", """
        {"deck": "No such deck", "path": "%s"}
        """.formatted(json(out))).asBoolean()).isFalse();
    assertThat(out).doesNotExist();
  }

  @Test
  void exportPackageIntoAMissingFolderFailsLikePython() throws Exception {
    assertThat(server.error("exportPackage", """
        {"deck": "Default", "path": "/no/such/folder/x.apkg"}
        """)).isEqualTo("[Errno 2] No such file or directory: '/no/such/folder/x.apkg'");
  }

  @Test
  void exportPackageOntoAFolderFailsLikePython() throws Exception {
    assertThat(server.error("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(tmp)))).isEqualTo("[Errno 21] Is a directory: '" + tmp + "'");
  }

  @Test
  void relativePathsAreInTheMediaFolderAsInAnki() throws Exception {
    addNote(server, "Default", "x");
    Path media = Path.of(server.result("getMediaDirPath", "{}").asText());

    server.result("exportPackage", """
        {"deck": "Default", "path": "default.apkg"}
        """);

    assertThat(media.resolve("default.apkg")).exists();
    assertThat(server.result("importPackage", """
        {"path": "default.apkg"}
        """).asBoolean()).isTrue();
  }

  @Test
  void importPackageOfAMissingFileFailsLikePython() throws Exception {
    assertThat(server.error("importPackage", """
        {"path": "/no/such.apkg"}
        """)).isEqualTo("[Errno 2] No such file or directory: '/no/such.apkg'");
  }

  @Test
  void importPackageOfAFolderFailsLikePython() throws Exception {
    assertThat(server.error("importPackage", """
        {"path": "%s"}
        """.formatted(json(tmp)))).isEqualTo("[Errno 21] Is a directory: '" + tmp + "'");
  }

  @Test
  void importPackageWithoutAPathIsAPythonArgumentError() throws Exception {
    assertThat(server.error("importPackage", "{}"))
        .isEqualTo("AnkiConnect.importPackage() missing 1 required positional argument: 'path'");
  }

  @Test
  void exportPackageWithoutADeckIsAPythonArgumentError() throws Exception {
    assertThat(server.error("exportPackage", """
        {"path": "x.apkg"}
        """)).isEqualTo("AnkiConnect.exportPackage() missing 1 required positional argument: 'deck'");
  }

  @Test
  void includeSchedKeepsReviewHistory() throws Exception {
    long nid = addNote(server, "Default", "x");
    long cid = server.result("findCards", "{\"query\": \"nid:" + nid + "\"}").get(0).asLong();
    server.result("answerCards", "{\"answers\": [{\"cardId\": " + cid + ", \"ease\": 3}]}");
    Path out = tmp.resolve("sched.apkg");
    server.result("exportPackage", """
        {"deck": "Default", "path": "%s", "includeSched": true}
        """.formatted(json(out)));
    try (TestServer other = new TestServer(tmp.resolve("other"))) {
      other.result("importPackage", "{\"path\": \"" + json(out) + "\"}");

      assertThat(other.result("getReviewsOfCards", "{\"cards\": [" + cid + "]}").get(Long.toString(cid))).hasSize(1);
    }
  }

  @Test
  void aBadPackageIsRefusedAndChangesNothing() throws Exception {
    addNote(server, "Default", "x");
    Path pkg = exported("Default");
    byte[] bytes = Files.readAllBytes(pkg);
    Path cut = Files.write(tmp.resolve("cut.apkg"), Arrays.copyOf(bytes, bytes.length / 3));
    try (TestServer other = new TestServer(tmp.resolve("other"))) {
      String error = other.error("importPackage", "{\"path\": \"" + json(cut) + "\"}");

      assertThat(error).startsWith("The provided file is not a valid .apkg file. (not a zip file, or truncated");
      assertThat(other.result("findNotes", "{\"query\": \"\"}")).isEmpty();
      assertThat(other.result("deckNames", "{}")).hasSize(1);
    }
  }

  @Test
  void aPackageFromANewerAnkiIsRefused() throws Exception {
    addNote(server, "Default", "x");
    Path pkg = exported("Default");
    Path newer = tmp.resolve("newer.apkg");
    try (var in = new java.util.zip.ZipFile(pkg.toFile());
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(newer))) {
      for (var e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(e.getName().equals("meta") ? new byte[] {0x08, 0x04} : in.getInputStream(e).readAllBytes());
        out.closeEntry();
      }
    }

    assertThat(server.error("importPackage", "{\"path\": \"" + json(newer) + "\"}"))
        .isEqualTo("This collection requires a newer version of Anki to open. (package version 4)");
  }

  @Test
  void ankidOptionsReturnTheImportLog() throws Exception {
    addNote(server, "Default", "x");
    Path pkg = exported("Default");

    JsonNode log = server.result("importPackage", """
        {"path": "%s", "options": {"withScheduling": false}}
        """.formatted(json(pkg)));

    assertThat(log.get("foundNotes").asInt()).isEqualTo(1);
    assertThat(log.get("duplicate").asInt()).isEqualTo(1);
    assertThat(log.get("summary").asText()).isEqualTo("1 note found in file: 0 new, 0 updated, 1 already present");
  }

  @Test
  void unknownAnkidOptionsAreRefused() throws Exception {
    assertThat(server.error("importPackage", """
        {"path": "x.apkg", "options": {"withSchedule": true}}
        """)).isEqualTo("unknown option 'withSchedule'");
  }

  @Test
  void ankidOptionsExportTheWholeCollectionAsAColpkgAndReplaceAnotherWithIt() throws Exception {
    long nid = addNote(server, "Default", "everything");
    Path out = tmp.resolve("all.colpkg");
    JsonNode report = server.result("exportPackage", """
        {"deck": null, "path": "%s", "options": {"colpkg": true}}
        """.formatted(json(out)));
    assertThat(report.get("notes").asInt()).isEqualTo(1);
    try (TestServer other = new TestServer(tmp.resolve("other"))) {
      addNote(other, "Default", "goes away");

      JsonNode replaced = other.result("importPackage", """
          {"path": "%s", "options": {"replaceCollection": true}}
          """.formatted(json(out)));

      assertThat(replaced.get("replaced").asBoolean()).isTrue();
      assertThat(other.result("findNotes", "{\"query\": \"\"}").toString()).isEqualTo("[" + nid + "]");
      try (Stream<Path> backups = Files.list(tmp.resolve("other/User 1/backups"))) {
        assertThat(backups.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("backup-");
      }
    }
  }
}
