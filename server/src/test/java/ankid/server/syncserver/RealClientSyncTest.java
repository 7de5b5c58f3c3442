package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Anki sync client (anki-oracle: rslib 2.1.66, protocol 11) against ankid's sync server.
 * Every scenario ends with both collections alike, row by row, and Check Database clean on both.
 */
class RealClientSyncTest extends OracleSyncTest {
  AnkiClient client;

  @BeforeEach
  void start() throws Exception {
    client = ankiClient("client");
  }

  private void assertAlike() throws Exception {
    CollectionsAlike.assertAlike(oracle, client.file, server.collection(), tmp.resolve("scratch"));
  }

  /** A client with two notes that has uploaded itself to ankid: both sides then share one history. */
  private void uploadedClient() throws Exception {
    client.addNotes(
        "{\"notetype\": \"Basic\", \"deck\": \"Lang::French\", \"fields\": [\"chat\", \"cat\"], \"tags\": [\"animal\"]}",
        "{\"notetype\": \"Basic (and reversed card)\", \"fields\": [\"chien\", \"dog\"]}");
    assertThat(client.sync()).isEqualTo("FULL_UPLOAD");
    client.fullUpload();
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
  }

  @Test
  void aFullClientUploadsIntoAnEmptyAnkid() throws Exception {
    uploadedClient();
    assertThat(server.scalar("select count() from notes")).isEqualTo(2);
    assertThat(Files.list(server.base.resolve("User 1").resolve("backups")).map(p -> p.getFileName().toString()))
        .as("the collection the upload replaced is backed up").singleElement().asString().matches("backup-.*\\.colpkg");
    assertAlike();
  }

  @Test
  void anEmptyClientDownloadsAnkidsCollection() throws Exception {
    server.call("addNote", """
        {"note": {"deckName": "Default", "modelName": "Basic", "fields": {"Front": "hola", "Back": "hello"}, "tags": ["es"]}}""");
    assertThat(client.sync()).isEqualTo("FULL_DOWNLOAD");
    client.fullDownload();
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(client.scalar("select count() from notes")).isEqualTo(1);
    assertAlike();
  }

  @Test
  void notesAddedThroughTheApiReachTheClient() throws Exception {
    uploadedClient();
    server.call("createDeck", "{\"deck\": \"Lang::Spanish\"}");
    server.call("addNotes", """
        {"notes": [
          {"deckName": "Lang::Spanish", "modelName": "Basic", "fields": {"Front": "gato", "Back": "cat"}, "tags": ["es", "animal"]},
          {"deckName": "Default", "modelName": "Cloze", "fields": {"Text": "{{c1::perro}} is dog", "Back Extra": ""}}
        ]}""");
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(client.scalar("select count() from notes")).isEqualTo(4);
    assertThat(client.rows("select name from decks where name like 'Lang%Spanish'")).hasSize(1);
    assertAlike();
  }

  @Test
  void notesTagsDecksNotetypesAndReviewsChangedOnTheClientReachAnkid() throws Exception {
    uploadedClient();
    client.oracle.call("import-apkg", client.file.toString(),
        SharedFiles.fixture("real-anki25-spanish-with-scheduling.apkg").toString(), "--in-place").ok();
    List<Long> added = client.addNotes(
        "{\"notetype\": \"Basic\", \"deck\": \"Lang::German::Nouns\", \"fields\": [\"Hund\", \"dog\"], \"tags\": [\"de\", \"noun::animal\"]}");
    long card = client.scalar("select id from cards where nid = " + added.get(0));
    client.answer(card, 3);
    long now = System.currentTimeMillis() / 1000;
    client.exec("update notetypes set name = 'Basic renamed', mtime_secs = " + now + ", usn = -1 where name = 'Basic'");
    client.exec("update col set mod = " + (now * 1000 + 1));
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(server.scalar("select count() from notetypes where name = 'Basic renamed'")).isEqualTo(1);
    assertThat(server.scalar("select count() from revlog")).isEqualTo(client.scalar("select count() from revlog"));
    assertThat(server.call("getTags", "{}").toString()).contains("noun::animal");
    assertAlike();
  }

  @Test
  void deletionsTravelBothWays() throws Exception {
    uploadedClient();
    List<Long> ids = client.addNotes(
        "{\"notetype\": \"Basic\", \"fields\": [\"one\", \"1\"]}",
        "{\"notetype\": \"Basic\", \"fields\": [\"two\", \"2\"]}",
        "{\"notetype\": \"Basic\", \"deck\": \"Doomed\", \"fields\": [\"three\", \"3\"]}");
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    // the client deletes a note as Anki does: the note and its cards go, graves stay behind
    long one = ids.get(0);
    long now = System.currentTimeMillis();
    client.exec("insert into graves (oid, type, usn) select id, 0, -1 from cards where nid = " + one);
    client.exec("delete from cards where nid = " + one);
    client.exec("delete from notes where id = " + one);
    client.exec("insert into graves (oid, type, usn) values (" + one + ", 1, -1)");
    client.exec("update col set mod = " + now);
    server.call("deleteNotes", "{\"notes\": [" + ids.get(1) + "]}");
    server.call("deleteDecks", "{\"decks\": [\"Doomed\"], \"cardsToo\": true}");
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(server.scalar("select count() from notes where id in (" + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + ")")).isZero();
    assertThat(client.scalar("select count() from notes where id in (" + ids.get(0) + ", " + ids.get(1) + ", " + ids.get(2) + ")")).isZero();
    assertThat(client.scalar("select count() from decks where name = 'Doomed'")).isZero();
    assertAlike();
  }

  @Test
  void theNewerEditOfANoteChangedOnBothSidesWins() throws Exception {
    uploadedClient();
    JsonNode ids = server.call("findNotes", "{\"query\": \"\"}");
    long a = ids.get(0).asLong();
    long b = ids.get(1).asLong();
    server.call("updateNoteFields", "{\"note\": {\"id\": " + a + ", \"fields\": {\"Back\": \"ankid's edit\"}}}");
    server.call("updateNoteFields", "{\"note\": {\"id\": " + b + ", \"fields\": {\"Back\": \"ankid's edit\"}}}");
    long now = System.currentTimeMillis() / 1000;
    // on the client, note a was edited later than on ankid, note b earlier
    client.exec("update notes set flds = substr(flds, 1, instr(flds, char(31))) || 'client''s edit', usn = -1, mod = "
        + (now + 60) + " where id = " + a);
    client.exec("update notes set flds = substr(flds, 1, instr(flds, char(31))) || 'client''s edit', usn = -1, mod = "
        + (now - 60) + " where id = " + b);
    client.exec("update col set mod = " + (now * 1000 + 2));
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(server.call("notesInfo", "{\"notes\": [" + a + ", " + b + "]}").toString())
        .contains("client's edit").contains("ankid's edit");
    assertThat(client.rows("select flds from notes where id = " + a).toString()).contains("client's edit");
    assertThat(client.rows("select flds from notes where id = " + b).toString()).contains("ankid's edit");
    assertAlike();
  }

  @Test
  void aFieldAddedToANotetypeOnAnkidRequiresAFullSync() throws Exception {
    uploadedClient();
    server.call("modelFieldAdd", "{\"modelName\": \"Basic\", \"fieldName\": \"Notes\"}");
    assertThat(client.sync()).isEqualTo("FULL_SYNC");
    client.fullDownload();
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(client.rows("select name from fields where name = 'Notes'")).hasSize(1);
    assertAlike();
  }

  @Test
  void aSchemaChangeOnTheClientRequiresAFullSync() throws Exception {
    uploadedClient();
    client.exec("update col set scm = " + System.currentTimeMillis() + ", mod = " + System.currentTimeMillis());
    assertThat(client.sync()).isEqualTo("FULL_SYNC");
    client.fullUpload();
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertAlike();
  }

  @Test
  void aWrongPasswordIsRefused() {
    JsonNode error = oracle.call("sync-login", server.endpoint(), SyncServerFixture.USER, "wrong").json().get("error");
    assertThat(error.get("kind").asText()).isEqualTo("SYNC_AUTH_ERROR");
    JsonNode unknown = oracle.call("sync-login", server.endpoint(), "nobody", "pass").json().get("error");
    assertThat(unknown.get("kind").asText()).isEqualTo("SYNC_AUTH_ERROR");
  }

  @Test
  void aWrongHostKeyIsRefused() {
    JsonNode error = oracle.call("sync", client.file.toString(), "--endpoint", server.endpoint(), "--hkey", "0123abcd")
        .json().get("error");
    assertThat(error.get("kind").asText()).isEqualTo("SYNC_AUTH_ERROR");
  }

  @Test
  void mediaAddedAndDeletedOnEitherSideReachesTheOther() throws Exception {
    uploadedClient();
    Path serverMedia = server.collection().mediaFolder();
    Files.createDirectories(client.mediaFolder);
    Files.writeString(client.mediaFolder.resolve("from-client.txt"), "client file");
    Files.write(client.mediaFolder.resolve("doomed.png"), new byte[] {1, 2, 3});
    client.syncMedia();
    assertThat(Files.readString(serverMedia.resolve("from-client.txt"))).isEqualTo("client file");
    assertThat(serverMedia.resolve("doomed.png")).exists();

    server.call("storeMediaFile", "{\"filename\": \"from-ankid.txt\", \"data\": \"YW5raWQgZmlsZQ==\"}");
    Files.delete(client.mediaFolder.resolve("doomed.png"));
    client.syncMedia();
    assertThat(Files.readString(client.mediaFolder.resolve("from-ankid.txt"))).isEqualTo("ankid file");
    assertThat(serverMedia.resolve("doomed.png")).doesNotExist();

    server.call("deleteMediaFile", "{\"filename\": \"from-client.txt\"}");
    client.syncMedia();
    assertThat(client.mediaFolder.resolve("from-client.txt")).doesNotExist();
    assertThat(names(client.mediaFolder)).containsExactlyElementsOf(names(serverMedia)).containsExactly("from-ankid.txt");
  }

  private static List<String> names(Path folder) throws Exception {
    try (var files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void twoDevicesMeetThroughAnkid() throws Exception {
    uploadedClient();
    AnkiClient phone = ankiClient("phone");
    assertThat(phone.sync()).isEqualTo("FULL_DOWNLOAD");
    phone.fullDownload();
    // the desktop brings notetypes, decks, presets and reviewed cards of a real Anki 25 deck
    client.oracle.call("import-apkg", client.file.toString(),
        SharedFiles.fixture("real-anki25-spanish-with-scheduling.apkg").toString(), "--in-place").ok();
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    // the phone gets them as ankid sends them, and reviews one
    assertThat(phone.sync()).isEqualTo("NO_CHANGES");
    long card = phone.scalar("select id from cards order by id desc limit 1");
    phone.answer(card, 3);
    assertThat(phone.sync()).isEqualTo("NO_CHANGES");
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertThat(phone.sync()).isEqualTo("NO_CHANGES");
    CollectionsAlike.assertAlike(oracle, phone.file, server.collection(), tmp.resolve("scratch"));
    // whoever syncs last matches the server to the last col field
    assertThat(client.sync()).isEqualTo("NO_CHANGES");
    assertAlike();
  }
}
