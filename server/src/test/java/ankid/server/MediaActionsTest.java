package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media actions over HTTP (api doc §2.4) and media objects inside note specs (§2.7.1 step 5). */
class MediaActionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  TestServer server;
  com.sun.net.httpserver.HttpServer web;

  @BeforeEach
  void start() throws Exception {
    server = new TestServer(tmp);
    web = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
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
  void stop() throws Exception {
    web.stop(0);
    server.close();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + web.getAddress().getPort() + path;
  }

  @Test
  void storeRetrieveListAndDelete() throws Exception {
    assertThat(server.result("storeMediaFile", "{\"filename\":\"_hello.txt\",\"data\":\"" + b64("hi") + "\"}").asText())
        .isEqualTo("_hello.txt");
    Path dir = Path.of(server.result("getMediaDirPath", "{}").asText());
    assertThat(dir).isAbsolute();
    assertThat(Files.readString(dir.resolve("_hello.txt"))).isEqualTo("hi");
    assertThat(server.result("retrieveMediaFile", "{\"filename\":\"_hello.txt\"}").asText()).isEqualTo(b64("hi"));
    assertThat(server.result("retrieveMediaFile", "{\"filename\":\"../x/_hello.txt\"}").asText()).isEqualTo(b64("hi"));
    assertThat(server.result("retrieveMediaFile", "{\"filename\":\"missing.txt\"}").asBoolean()).isFalse();
    server.result("storeMediaFile", "{\"filename\":\"a.mp3\",\"data\":\"" + b64("a") + "\"}");
    server.result("storeMediaFile", "{\"filename\":\".hidden\",\"data\":\"" + b64("h") + "\"}");
    assertThat(server.result("getMediaFilesNames", "{\"pattern\":\"*.mp3\"}")).isEqualTo(JSON.readTree("[\"a.mp3\"]"));
    assertThat(server.result("getMediaFilesNames", "{}")).hasSize(2);
    assertThat(server.result("getMediaFilesNames", "{\"pattern\":\"[!a]*\"}")).isEqualTo(JSON.readTree("[\"_hello.txt\"]"));
    assertThat(server.result("getMediaFilesNames", "{\"pattern\":\"[a_]*\"}")).hasSize(2);
    server.result("deleteMediaFile", "{\"filename\":\"a.mp3\"}");
    server.result("deleteMediaFile", "{\"filename\":\"never.mp3\"}");
    assertThat(Files.exists(dir.resolve("a.mp3"))).isFalse();
  }

  @Test
  void sourcesPrecedenceHashSkipAndClashes() throws Exception {
    assertThat(server.error("storeMediaFile", "{\"filename\":\"x\",\"data\":\"\"}"))
        .isEqualTo("You must provide a \"data\", \"path\", or \"url\" field.");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"x\",\"data\":\"abc\"}")).isEqualTo("Incorrect padding");
    Path src = Files.writeString(tmp.resolve("source.txt"), "from disk");
    assertThat(server.result("storeMediaFile", "{\"filename\":\"d.txt\",\"data\":\"\",\"path\":\"" + src + "\"}").asText())
        .isEqualTo("d.txt");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"d.txt\",\"path\":\"/no/such\"}"))
        .isEqualTo("[Errno 2] No such file or directory: '/no/such'");
    assertThat(server.result("storeMediaFile", "{\"filename\":\"u.mp3\",\"url\":\"" + url("/ok.mp3") + "\"}").asText())
        .isEqualTo("u.mp3");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"u.mp3\",\"url\":\"" + url("/gone") + "\"}"))
        .isEqualTo(url("/gone") + " download failed with return code 404");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"u.mp3\",\"url\":\"file:///etc/passwd\"}"))
        .isEqualTo("unknown url type: 'file:///etc/passwd'");
    // MD5 of "hi" skips the store.
    assertThat(server.result("storeMediaFile", "{\"filename\":\"s.txt\",\"data\":\"" + b64("hi")
        + "\",\"skipHash\":\"49f68a5c8493ec2c0bf489821c21fc3b\"}").isNull()).isTrue();
    // Keeping the existing file: same content keeps the name, other content gets the sha1 name.
    String keep = ",\"deleteExisting\":false}";
    assertThat(server.result("storeMediaFile", "{\"filename\":\"d.txt\",\"data\":\"" + b64("from disk") + "\"" + keep)
        .asText()).isEqualTo("d.txt");
    assertThat(server.result("storeMediaFile", "{\"filename\":\"d.txt\",\"data\":\"" + b64("other") + "\"" + keep)
        .asText()).isEqualTo("d-3ac30ea4ed4ee7c51b4c0ac2fc8fd15a7e3a7a70.txt".replace("3ac30ea4ed4ee7c51b4c0ac2fc8fd15a7e3a7a70",
            sha1Hex("other")));
    assertThat(server.result("storeMediaFile", "{\"filename\":\"d.txt\",\"data\":\"" + b64("other") + "\"}").asText())
        .isEqualTo("d.txt");
  }

  @Test
  void namesCannotEscapeTheMediaFolder() throws Exception {
    String data = ",\"data\":\"" + b64("x") + "\"}";
    assertThat(server.error("storeMediaFile", "{\"filename\":\"../evil.txt\"" + data)).contains("path");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"/tmp/evil.txt\"" + data)).contains("path");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"a\\u0000b\"" + data)).contains("NUL");
    assertThat(server.error("storeMediaFile", "{\"filename\":\"..\"" + data)).contains("..");
    assertThat(server.result("storeMediaFile", "{\"filename\":\"q<b>?.txt\"" + data).asText()).isEqualTo("qb.txt");
    assertThat(Files.exists(tmp.resolve("evil.txt"))).isFalse();
  }

  @Test
  void mediaObjectsInNotesAreStoredAndReferenced() throws Exception {
    String spec = "{\"deckName\":\"Default\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"q\",\"Back\":\"a\"},"
        + "\"picture\":{\"data\":\"" + b64("png") + "\",\"filename\":\"p.png\",\"fields\":[\"Back\",\"back\"]},"
        + "\"audio\":[{\"url\":\"" + url("/ok.mp3") + "\",\"filename\":\"s.mp3\",\"fields\":[\"Front\"]},"
        + "{\"url\":\"" + url("/x") + "\",\"filename\":\"bad.mp3\",\"fields\":[\"Front\"]}]}";
    long id = server.result("addNote", "{\"note\":" + spec + "}").asLong();
    JsonNode fields = server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0).get("fields");
    assertThat(fields.get("Front").get("value").asText())
        .isEqualTo("q[sound:s.mp3]" + url("/x") + " download failed with return code 404");
    assertThat(fields.get("Back").get("value").asText()).isEqualTo("a<img src=\"p.png\">");
    // Stored before the checks: a failing note still leaves its media behind.
    String failing = "{\"deckName\":\"Default\",\"modelName\":\"Basic\",\"fields\":{\"Front\":\"\"},"
        + "\"video\":{\"data\":\"" + b64("v") + "\",\"filename\":\"v.mp4\",\"fields\":[\"Back\"]}}";
    assertThat(server.result("canAddNoteWithErrorDetail", "{\"note\":" + failing + "}").get("error").asText())
        .isEqualTo("cannot create note because it is empty");
    assertThat(server.result("retrieveMediaFile", "{\"filename\":\"v.mp4\"}").asText()).isEqualTo(b64("v"));
    assertThat(server.error("addNote", "{\"note\":{\"deckName\":\"Default\",\"modelName\":\"Basic\",\"fields\":"
        + "{\"Front\":\"z\"},\"audio\":{\"filename\":\"n.mp3\"}}}")).isEqualTo("'fields'");
    server.result("updateNoteFields", "{\"note\":{\"id\":" + id + ",\"fields\":{\"Back\":\"new\"},"
        + "\"picture\":[{\"data\":\"" + b64("png2") + "\",\"filename\":\"p.png\",\"fields\":[\"Back\"]}]}}");
    assertThat(server.result("notesInfo", "{\"notes\":[" + id + "]}").get(0).get("fields").get("Back").get("value")
        .asText()).isEqualTo("new<img src=\"p-" + sha1Hex("png2") + ".png\">");
  }

  private static String sha1Hex(String s) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
