package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.sync.SyncException;
import ankid.engine.sync.SyncRequired;
import ankid.server.TestServer;
import ankid.server.syncclient.ClientSync;
import ankid.server.syncclient.HttpSyncClient;
import ankid.server.syncclient.SyncLogin;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ankid's sync client against ankid's sync server: two ankids on two base folders, each with its
 * AnkiConnect API, the same scenarios as with Anki's client, ending with both collections alike
 * (read by the real engine) and Check Database clean on both.
 */
class AnkidClientSyncTest extends OracleSyncTest {
  TestServer client;

  @BeforeEach
  void start() throws Exception {
    client = new TestServer(tmp.resolve("client"));
    String hkey = HttpSyncClient.login(server.endpoint(), SyncServerFixture.USER, SyncServerFixture.PASSWORD,
        Duration.ofSeconds(30));
    new SyncLogin(server.endpoint(), hkey, SyncServerFixture.USER, true).write(clientFolder());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
  }

  private Path clientFolder() {
    return tmp.resolve("client").resolve("User 1");
  }

  private ClientSync.Result sync(ClientSync.Full full) {
    return new ClientSync(client.profiles().collection(), clientFolder(), Duration.ofSeconds(30))
        .sync(full, true, ankid.engine.Progress.NONE);
  }

  private SyncRequired sync() {
    return sync(ClientSync.Full.NONE).required();
  }

  private void assertAlike() throws Exception {
    Path clientCopy = CollectionsAlike.copyOf(client.profiles().collection(), tmp.resolve("scratch"));
    CollectionsAlike.assertAlike(oracle, clientCopy, server.collection(), tmp.resolve("scratch"));
  }

  private long clientScalar(String sql) {
    return client.profiles().collection().read(c -> c.db().queryLong(sql, 0));
  }

  private void uploadedClient() throws Exception {
    client.result("createDeck", "{\"deck\": \"Lang::French\"}");
    client.result("addNotes", """
        {"notes": [
          {"deckName": "Lang::French", "modelName": "Basic", "fields": {"Front": "chat", "Back": "cat"}, "tags": ["animal"]},
          {"deckName": "Default", "modelName": "Basic (and reversed card)", "fields": {"Front": "chien", "Back": "dog"}}
        ]}""");
    assertThat(sync()).isEqualTo(SyncRequired.FULL_UPLOAD);
    sync(ClientSync.Full.UPLOAD);
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
  }

  @Test
  void aFullClientUploadsIntoAnEmptyServer() throws Exception {
    uploadedClient();
    assertThat(server.scalar("select count() from notes")).isEqualTo(2);
    assertAlike();
  }

  @Test
  void anEmptyClientDownloadsTheServersCollection() throws Exception {
    server.call("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "hola", "Back": "hello"}}}""");
    assertThat(sync()).isEqualTo(SyncRequired.FULL_DOWNLOAD);
    sync(ClientSync.Full.DOWNLOAD);
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(clientScalar("select count() from notes")).isEqualTo(1);
    assertThat(Files.list(clientFolder().resolve("backups")).map(p -> p.getFileName().toString()))
        .as("a backup before replacing").singleElement().asString().matches("backup-.*\\.colpkg");
    assertAlike();
  }

  @Test
  void changesOnBothSidesMeetThroughTheSyncAction() throws Exception {
    uploadedClient();
    server.call("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "from server", "Back": "x"}, "tags": ["srv"]}}""");
    client.result("createDeck", "{\"deck\": \"Lang::German::Nouns\"}");
    client.result("addNote", """
        {"note": {"deckName": "Lang::German::Nouns", "modelName": "Basic", "fields": {"Front": "Hund", "Back": "dog"}, "tags": ["de"]}}""");
    JsonNode cards = client.result("findCards", "{\"query\": \"Hund\"}");
    client.result("answerCards", "{\"answers\": [{\"cardId\": " + cards.get(0) + ", \"ease\": 3}]}");
    client.result("updateModelStyling", "{\"model\": {\"name\": \"Basic\", \"css\": \".card {color: red}\"}}");
    assertThat(client.result("sync", "{}").isNull()).isTrue();
    assertThat(server.scalar("select count() from notes")).isEqualTo(4);
    assertThat(clientScalar("select count() from notes")).isEqualTo(4);
    assertThat(server.scalar("select count() from revlog")).isEqualTo(1);
    assertAlike();
  }

  @Test
  void deletionsTravelBothWays() throws Exception {
    uploadedClient();
    JsonNode notes = client.result("findNotes", "{\"query\": \"\"}");
    client.result("deleteNotes", "{\"notes\": [" + notes.get(0) + "]}");
    server.call("deleteNotes", "{\"notes\": [" + notes.get(1) + "]}");
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(server.scalar("select count() from notes")).isZero();
    assertThat(clientScalar("select count() from notes")).isZero();
    assertAlike();
  }

  @Test
  void theNewerEditOfANoteChangedOnBothSidesWins() throws Exception {
    uploadedClient();
    JsonNode notes = client.result("findNotes", "{\"query\": \"chat\"}");
    server.call("updateNoteFields", "{\"note\": {\"id\": " + notes.get(0) + ", \"fields\": {\"Back\": \"older\"}}}");
    Thread.sleep(1100); // note mtimes are seconds
    client.result("updateNoteFields", "{\"note\": {\"id\": " + notes.get(0) + ", \"fields\": {\"Back\": \"newer\"}}}");
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertThat(server.call("notesInfo", "{\"notes\": " + notes + "}").toString()).contains("newer").doesNotContain("older");
    assertAlike();
  }

  @Test
  void aFieldAddedOnOneSideRequiresAFullSyncWhichTheSyncActionReports() throws Exception {
    uploadedClient();
    server.call("modelFieldAdd", "{\"modelName\": \"Basic\", \"fieldName\": \"Notes\"}");
    assertThat(client.error("sync", "{}")).startsWith("Sync status 2 not one of [0, 1]");
    sync(ClientSync.Full.DOWNLOAD);
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertAlike();
  }

  @Test
  void mediaAddedAndDeletedOnEitherSideReachesTheOther() throws Exception {
    uploadedClient();
    client.result("storeMediaFile", "{\"filename\": \"from-client.txt\", \"data\": \"Y2xpZW50\"}");
    client.result("storeMediaFile", "{\"filename\": \"doomed.txt\", \"data\": \"ZG9vbWVk\"}");
    assertThat(sync(ClientSync.Full.NONE).mediaError()).isNull();
    Path serverMedia = server.collection().mediaFolder();
    assertThat(Files.readString(serverMedia.resolve("from-client.txt"))).isEqualTo("client");
    server.call("storeMediaFile", "{\"filename\": \"from-server.txt\", \"data\": \"c2VydmVy\"}");
    client.result("deleteMediaFile", "{\"filename\": \"doomed.txt\"}");
    assertThat(sync(ClientSync.Full.NONE).mediaError()).isNull();
    Path clientMedia = client.profiles().collection().mediaFolder();
    assertThat(Files.readString(clientMedia.resolve("from-server.txt"))).isEqualTo("server");
    assertThat(serverMedia.resolve("doomed.txt")).doesNotExist();
    server.call("deleteMediaFile", "{\"filename\": \"from-client.txt\"}");
    assertThat(sync(ClientSync.Full.NONE).mediaError()).isNull();
    assertThat(names(clientMedia)).isEqualTo(names(serverMedia)).containsExactly("from-server.txt");
  }

  @Test
  void aWrongPasswordIsRefused() {
    assertThatThrownBy(() -> HttpSyncClient.login(server.endpoint(), SyncServerFixture.USER, "wrong", Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.AUTH_FAILED));
  }

  @Test
  void aSyncCutOffMidWayChangesNeitherSide() throws Exception {
    uploadedClient();
    client.result("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "in transit", "Back": "x"}}}""");
    long serverNotes = server.scalar("select count() from notes");
    server.service.beforeRequest(path -> {
      if (path.equals("/sync/sanityCheck2")) throw new HttpStatusException(503, "the server went away");
    });
    assertThatThrownBy(this::sync).isInstanceOf(SyncException.class);
    assertThat(server.scalar("select count() from notes")).isEqualTo(serverNotes);
    assertThat(clientScalar("select count() from notes where usn = -1")).isEqualTo(1);
    server.service.beforeRequest(path -> {});
    assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
    assertAlike();
  }

  private static List<String> names(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A server that answers every request with {@code status}, pointing {@code Location} at {@code location}. */
  private static com.sun.net.httpserver.HttpServer answering(int status, String location) throws Exception {
    com.sun.net.httpserver.HttpServer http =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (location != null) exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    http.start();
    return http;
  }

  @Test
  void aRedirectOnMetaMovesTheProfileToTheNewEndpoint() throws Exception {
    uploadedClient();
    com.sun.net.httpserver.HttpServer old = answering(308, server.endpoint());
    try {
      String oldEndpoint = "http://127.0.0.1:" + old.getAddress().getPort() + "/";
      SyncLogin login = SyncLogin.read(clientFolder()).orElseThrow();
      new SyncLogin(oldEndpoint, login.hostKey(), login.user(), true).write(clientFolder());
      assertThat(sync()).isEqualTo(SyncRequired.NO_CHANGES);
      assertThat(SyncLogin.read(clientFolder()).orElseThrow().endpoint()).isEqualTo(server.endpoint());
    } finally {
      old.stop(0);
    }
  }

  @Test
  void aServerThatRefusesTheProtocolSaysTheClientIsTooOld() throws Exception {
    com.sun.net.httpserver.HttpServer refusing = answering(501, null);
    try {
      HttpSyncClient c = new HttpSyncClient("http://127.0.0.1:" + refusing.getAddress().getPort() + "/", "k",
          Duration.ofSeconds(10));
      assertThatThrownBy(c::meta)
          .isInstanceOfSatisfying(SyncException.class, e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.CLIENT_TOO_OLD));
    } finally {
      refusing.stop(0);
    }
  }
}
