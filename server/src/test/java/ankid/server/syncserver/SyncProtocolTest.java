package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire rules of Anki's sync server that no well-behaved client exercises: statuses, limits, framing. */
class SyncProtocolTest {
  @TempDir Path tmp;
  SyncServerFixture server;
  RawSync raw;
  String hkey;

  @BeforeEach
  void start() throws Exception {
    server = new SyncServerFixture(tmp.resolve("base"), new SyncLimits(64 * 1024, 128 * 1024, 30_000, 60_000));
    raw = new RawSync(server.endpoint());
    hkey = server.users.byName(SyncServerFixture.USER).orElseThrow().hostKey();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String header(String skey) {
    return RawSync.header(11, hkey, skey);
  }

  @Test
  void loginAnswersTheUsersHostKey() throws Exception {
    RawSync.Reply r = raw.post("/sync/hostKey", RawSync.header(11, "", "s"), """
        {"u": "user", "p": "pass word"}""");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("key").asText()).isEqualTo(hkey);
    assertThat(r.originalSize()).isEqualTo(Integer.toString(r.body().length));
  }

  @Test
  void aWrongPasswordGets403AndNothingElse() throws Exception {
    RawSync.Reply r = raw.post("/sync/hostKey", RawSync.header(11, "", "s"), """
        {"u": "user", "p": "nope"}""");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.text()).isEqualTo("403");
  }

  @Test
  void anUnknownHostKeyGets403() throws Exception {
    assertThat(raw.post("/sync/meta", RawSync.header(11, "beef", "s"), """
        {"v": 11, "cv": "test"}""").status()).isEqualTo(403);
  }

  @Test
  void metaDescribesTheCollection() throws Exception {
    RawSync.Reply r = raw.post("/sync/meta", header("s"), """
        {"v": 11, "cv": "anki,2.1.66 (70506aeb),linux"}""");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().fieldNames()).toIterable()
        .containsExactly("mod", "scm", "usn", "ts", "msg", "cont", "hostNum", "empty", "media_usn");
    assertThat(r.json().get("empty").asBoolean()).isTrue();
    assertThat(r.json().get("cont").asBoolean()).isTrue();
  }

  @Test
  void aClientOlderThanProtocol8Gets501() throws Exception {
    assertThat(raw.post("/sync/meta", header("s"), """
        {"v": 7, "cv": "ancient"}""").status()).isEqualTo(501);
  }

  @Test
  void anUnsupportedVersionInTheHeaderIsABadRequest() throws Exception {
    assertThat(raw.post("/sync/meta", RawSync.header(12, hkey, "s"), """
        {"v": 11, "cv": "future"}""").status()).isEqualTo(400);
  }

  @Test
  void theMultipartProtocolOfOldClientsIsTooOld() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "sync/meta"))
        .header("Content-Type", "multipart/form-data; boundary=x")
        .POST(HttpRequest.BodyPublishers.ofString("--x--")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(501);
  }

  @Test
  void statefulMethodsWithoutAStartedSyncGet409() throws Exception {
    assertThat(raw.post("/sync/chunk", header("s"), "{\"_pad\":null}").status()).isEqualTo(409);
  }

  @Test
  void anotherSessionKeyGets409() throws Exception {
    assertThat(raw.post("/sync/start", header("first"), """
        {"minUsn": 0, "lnewer": false, "graves": null}""").status()).isEqualTo(200);
    assertThat(raw.post("/sync/chunk", header("second"), "{\"_pad\":null}").status()).isEqualTo(409);
    assertThat(raw.post("/sync/chunk", header("first"), "{\"_pad\":null}").status()).isEqualTo(200);
  }

  @Test
  void startWithoutASessionKeyIsABadRequest() throws Exception {
    assertThat(raw.post("/sync/start", header(""), """
        {"minUsn": 0, "lnewer": false, "graves": null}""").status()).isEqualTo(400);
  }

  @Test
  void aMalformedBodyIsABadRequest() throws Exception {
    assertThat(raw.post("/sync/meta", header("s"), "{not json").status()).isEqualTo(400);
  }

  @Test
  void aBodyLargerThanTheLimitGets413() throws Exception {
    byte[] noise = new byte[100 * 1024];
    new java.util.Random(1).nextBytes(noise);
    assertThat(raw.post("/sync/upload", header("s"), noise).status()).isEqualTo(413);
  }

  @Test
  void anUploadLargerThanTheUncompressedLimitIsRefusedWithAnkisMessage() throws Exception {
    RawSync.Reply r = raw.post("/sync/upload", header("s"), new byte[200 * 1024]);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("collection exceeds size limit");
  }

  @Test
  void aCorruptUploadIsRefusedAndChangesNothing() throws Exception {
    server.close();
    server = new SyncServerFixture(tmp.resolve("base"));
    raw = new RawSync(server.endpoint());
    hkey = server.users.byName(SyncServerFixture.USER).orElseThrow().hostKey();
    server.call("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "kept", "Back": "x"}}}""");
    byte[] damaged = Files.readAllBytes(CollectionsAlike.copyOf(server.collection(), tmp.resolve("copy")));
    java.util.Arrays.fill(damaged, 4096, 8192, (byte) 0x5a);
    RawSync.Reply r = raw.post("/sync/upload", header("s"), damaged);
    assertThat(r.text()).isEqualTo("Your upload was corrupt. Please use Check Database, or restore from backup.");
    assertThat(server.scalar("select count() from notes")).isEqualTo(1);
  }

  @Test
  void downloadSendsTheWholeCollectionFile() throws Exception {
    RawSync.Reply r = raw.post("/sync/download", header("s"), "{\"_pad\":null}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    assertThat(Long.parseLong(r.originalSize())).isEqualTo(r.body().length);
  }

  @Test
  void healthIsAPlainGet() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.endpoint() + "health")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void mediaRepliesAreWrappedForOldClients() throws Exception {
    RawSync.Reply r = raw.post("/msync/begin", header("s"), """
        {"v": "anki,2.1.66 (70506aeb),linux"}""");
    assertThat(r.json().toString()).isEqualTo("{\"data\":{\"usn\":0,\"sk\":\"" + hkey + "\"},\"err\":\"\"}");
  }

  @Test
  void aMediaUploadWithPathsInNamesIsABadRequest() throws Exception {
    byte[] zip = ankid.engine.sync.media.MediaZip.forUpload(java.util.List.of(
        new ankid.engine.sync.media.MediaZip.Change("../escape.txt", new byte[] {1})));
    assertThat(raw.post("/msync/uploadChanges", header("s"), zip).status()).isEqualTo(400);
    assertThat(server.base.resolve("User 1/escape.txt")).doesNotExist();
  }
}
