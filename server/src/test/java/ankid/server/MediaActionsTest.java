package ankid.server;

import static ankid.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Media actions over HTTP ({@code plugin/__init__.py, AnkiConnect.storeMediaFile,
 * retrieveMediaFile, getMediaFilesNames, deleteMediaFile}) and media objects inside note specs
 * ({@code AnkiConnect.addMedia}). Downloads come from a web server on 127.0.0.1 that serves
 * {@code /ok.mp3} and answers 404 for anything else.
 */
@ExtendWith(TestServerExtension.class)
class MediaActionsTest {
  private HttpServer web;

  @BeforeEach
  void startWebServer() throws Exception {
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/", exchange -> {
      byte[] body = "downloaded".getBytes(StandardCharsets.UTF_8);
      int status = exchange.getRequestURI().getPath().equals("/ok.mp3") ? 200 : 404;
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    web.start();
  }

  @AfterEach
  void stopWebServer() {
    web.stop(0);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + web.getAddress().getPort() + path;
  }

  private static String store(TestServer server, String filename, String content) throws Exception {
    return server.result("storeMediaFile", """
        {"filename": "%s", "data": "%s"}
        """.formatted(filename, b64(content))).asText();
  }

  private static Path mediaDir(TestServer server) throws Exception {
    return Path.of(server.result("getMediaDirPath", "{}").asText());
  }

  @Test
  void storeMediaFileWritesTheDataIntoTheMediaFolder(TestServer server) throws Exception {
    assertThat(store(server, "_hello.txt", "hi")).isEqualTo("_hello.txt");
    Path dir = mediaDir(server);
    assertThat(dir).isAbsolute();
    assertThat(Files.readString(dir.resolve("_hello.txt"))).isEqualTo("hi");
  }

  @Test
  void retrieveMediaFileGivesTheContentInBase64(TestServer server) throws Exception {
    store(server, "_hello.txt", "hi");
    assertThat(server.result("retrieveMediaFile", """
        {"filename": "_hello.txt"}
        """).asText()).isEqualTo(b64("hi"));
  }

  @Test
  void retrieveMediaFileUsesOnlyTheBaseName(TestServer server) throws Exception {
    store(server, "_hello.txt", "hi");
    assertThat(server.result("retrieveMediaFile", """
        {"filename": "../x/_hello.txt"}
        """).asText()).isEqualTo(b64("hi"));
  }

  @Test
  void retrieveMediaFileOfAMissingFileIsFalse(TestServer server) throws Exception {
    assertThat(server.result("retrieveMediaFile", """
        {"filename": "missing.txt"}
        """).asBoolean()).isFalse();
  }

  /** "_hello.txt", "a.mp3" and the hidden ".hidden". */
  private static void threeFiles(TestServer server) throws Exception {
    store(server, "_hello.txt", "hi");
    store(server, "a.mp3", "a");
    store(server, ".hidden", "h");
  }

  @Test
  void getMediaFilesNamesMatchesAGlob(TestServer server) throws Exception {
    threeFiles(server);
    assertThat(server.result("getMediaFilesNames", """
        {"pattern": "*.mp3"}
        """)).isEqualTo(json("""
        ["a.mp3"]
        """));
  }

  @Test
  void getMediaFilesNamesLeavesOutHiddenFiles(TestServer server) throws Exception {
    threeFiles(server);
    assertThat(server.result("getMediaFilesNames", "{}")).hasSize(2);
  }

  @Test
  void getMediaFilesNamesTakesNegatedCharacterClasses(TestServer server) throws Exception {
    threeFiles(server);
    assertThat(server.result("getMediaFilesNames", """
        {"pattern": "[!a]*"}
        """)).isEqualTo(json("""
        ["_hello.txt"]
        """));
  }

  @Test
  void getMediaFilesNamesTakesCharacterClasses(TestServer server) throws Exception {
    threeFiles(server);
    assertThat(server.result("getMediaFilesNames", """
        {"pattern": "[a_]*"}
        """)).hasSize(2);
  }

  @Test
  void deleteMediaFileRemovesTheFileAndIgnoresMissingOnes(TestServer server) throws Exception {
    store(server, "a.mp3", "a");
    server.result("deleteMediaFile", """
        {"filename": "a.mp3"}
        """);
    server.result("deleteMediaFile", """
        {"filename": "never.mp3"}
        """);
    assertThat(Files.exists(mediaDir(server).resolve("a.mp3"))).isFalse();
  }

  @Test
  void storeMediaFileNeedsASource(TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "x", "data": ""}
        """)).isEqualTo("You must provide a \"data\", \"path\", or \"url\" field.");
  }

  @Test
  void storeMediaFileDecodesBase64AsPythonDoes(TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "x", "data": "abc"}
        """)).isEqualTo("Incorrect padding");
  }

  @Test
  void storeMediaFileCopiesAPathWhenDataIsEmpty(TestServer server, @TempDir Path elsewhere) throws Exception {
    Path src = Files.writeString(elsewhere.resolve("source.txt"), "from disk");
    assertThat(server.result("storeMediaFile", """
        {"filename": "d.txt", "data": "", "path": "%s"}
        """.formatted(src)).asText()).isEqualTo("d.txt");
  }

  @Test
  void storeMediaFileOfAMissingPathIsPythonsOsError(TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "d.txt", "path": "/no/such"}
        """)).isEqualTo("[Errno 2] No such file or directory: '/no/such'");
  }

  @Test
  void storeMediaFileDownloadsAUrl(TestServer server) throws Exception {
    assertThat(server.result("storeMediaFile", """
        {"filename": "u.mp3", "url": "%s"}
        """.formatted(url("/ok.mp3"))).asText()).isEqualTo("u.mp3");
  }

  @Test
  void storeMediaFileReportsAFailedDownload(TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "u.mp3", "url": "%s"}
        """.formatted(url("/gone")))).isEqualTo(url("/gone") + " download failed with return code 404");
  }

  @Test
  void storeMediaFileRefusesFileUrls(TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "u.mp3", "url": "file:///etc/passwd"}
        """)).isEqualTo("unknown url type: 'file:///etc/passwd'");
  }

  @Test
  void storeMediaFileSkipsDataWithTheSkipHash(TestServer server) throws Exception {
    // the MD5 of "hi"
    assertThat(server.result("storeMediaFile", """
        {"filename": "s.txt", "data": "%s", "skipHash": "49f68a5c8493ec2c0bf489821c21fc3b"}
        """.formatted(b64("hi"))).isNull()).isTrue();
  }

  @Test
  void keepingTheExistingFileWithTheSameContentKeepsTheName(TestServer server) throws Exception {
    store(server, "d.txt", "from disk");
    assertThat(server.result("storeMediaFile", """
        {"filename": "d.txt", "data": "%s", "deleteExisting": false}
        """.formatted(b64("from disk"))).asText()).isEqualTo("d.txt");
  }

  @Test
  void keepingTheExistingFileWithOtherContentStoresUnderTheSha1Name(TestServer server) throws Exception {
    store(server, "d.txt", "from disk");
    assertThat(server.result("storeMediaFile", """
        {"filename": "d.txt", "data": "%s", "deleteExisting": false}
        """.formatted(b64("other"))).asText()).isEqualTo("d-" + sha1Hex("other") + ".txt");
  }

  @Test
  void storeMediaFileReplacesAnExistingFileByDefault(TestServer server) throws Exception {
    store(server, "d.txt", "from disk");
    assertThat(store(server, "d.txt", "other")).isEqualTo("d.txt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "../evil.txt | path",
      "/tmp/evil.txt | path",
      "a\\u0000b | NUL",
      ".. | ..",
  })
  void namesCannotEscapeTheMediaFolder(String filename, String reason, TestServer server) throws Exception {
    assertThat(server.error("storeMediaFile", """
        {"filename": "%s", "data": "%s"}
        """.formatted(filename, b64("x")))).contains(reason);
    assertThat(Files.exists(server.base().resolve("evil.txt"))).isFalse();
  }

  @Test
  void charactersWindowsRefusesAreDroppedFromNames(TestServer server) throws Exception {
    assertThat(store(server, "q<b>?.txt", "x")).isEqualTo("qb.txt");
  }

  /** A Basic note with a picture for Back and two audio downloads for Front, the second failing. */
  private long noteWithMedia(TestServer server) throws Exception {
    return server.result("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "q", "Back": "a"},
          "picture": {"data": "%s", "filename": "p.png", "fields": ["Back", "back"]},
          "audio": [
            {"url": "%s", "filename": "s.mp3", "fields": ["Front"]},
            {"url": "%s", "filename": "bad.mp3", "fields": ["Front"]}
          ]}}
        """.formatted(b64("png"), url("/ok.mp3"), url("/x"))).asLong();
  }

  private static String fieldValue(TestServer server, long note, String field) throws Exception {
    return server.result("notesInfo", """
        {"notes": [%d]}
        """.formatted(note)).get(0).get("fields").get(field).get("value").asText();
  }

  @Test
  void mediaObjectsAreStoredAndReferencedInTheirFields(TestServer server) throws Exception {
    long id = noteWithMedia(server);
    assertThat(fieldValue(server, id, "Front")).isEqualTo("q[sound:s.mp3]" + url("/x") + " download failed with return code 404");
    assertThat(fieldValue(server, id, "Back")).isEqualTo("a<img src=\"p.png\">");
  }

  @Test
  void aRefusedNoteStillLeavesItsMediaBehind(TestServer server) throws Exception {
    // stored before the checks, as AnkiConnect does
    assertThat(server.result("canAddNoteWithErrorDetail", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": ""},
          "video": {"data": "%s", "filename": "v.mp4", "fields": ["Back"]}}}
        """.formatted(b64("v"))).get("error").asText()).isEqualTo("cannot create note because it is empty");
    assertThat(server.result("retrieveMediaFile", """
        {"filename": "v.mp4"}
        """).asText()).isEqualTo(b64("v"));
  }

  @Test
  void aMediaObjectNeedsFields(TestServer server) throws Exception {
    assertThat(server.error("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "z"}, "audio": {"filename": "n.mp3"}}}
        """)).isEqualTo("'fields'");
  }

  @Test
  void updateNoteFieldsStoresOtherContentOfATakenNameUnderItsSha1Name(TestServer server) throws Exception {
    long id = noteWithMedia(server);
    server.result("updateNoteFields", """
        {"note": {"id": %d, "fields": {"Back": "new"},
          "picture": [{"data": "%s", "filename": "p.png", "fields": ["Back"]}]}}
        """.formatted(id, b64("png2")));
    assertThat(fieldValue(server, id, "Back")).isEqualTo("new<img src=\"p-" + sha1Hex("png2") + ".png\">");
  }

  private static String sha1Hex(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
