package ankid.server.syncserver;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Anki sync client (anki-oracle, rslib 2.1.66) with its own collection file and media
 * folder, talking to an endpoint. Commands run in one oracle batch process.
 */
final class AnkiClient {
  final Oracle.Batch oracle;
  final Path file;
  final Path mediaFolder;
  final Path mediaDb;
  private String endpoint;
  private String hkey;

  AnkiClient(Oracle.Batch oracle, Path dir) throws Exception {
    this.oracle = oracle;
    Files.createDirectories(dir);
    this.file = dir.resolve("client.anki2");
    this.mediaFolder = dir.resolve("client.media");
    this.mediaDb = dir.resolve("client.mdb");
    oracle.call("new", file.toString()).ok();
  }

  AnkiClient login(String endpoint, String user, String password) {
    this.endpoint = endpoint;
    this.hkey = oracle.call("sync-login", endpoint, user, password).ok().get("hkey").asText();
    return this;
  }

  Oracle.Result trySync() {
    return oracle.call("sync", file.toString(), "--endpoint", endpoint, "--hkey", hkey, "--in-place");
  }

  /** Runs a collection sync; returns what it says is required next. */
  String sync() {
    return trySync().ok().get("required").asText();
  }

  void fullUpload() {
    oracle.call("full-upload", file.toString(), "--endpoint", endpoint, "--hkey", hkey, "--in-place").ok();
  }

  void fullDownload() {
    oracle.call("full-download", file.toString(), "--endpoint", endpoint, "--hkey", hkey, "--in-place").ok();
  }

  void syncMedia() {
    oracle.call("sync-media", file.toString(), "--endpoint", endpoint, "--hkey", hkey, "--media-db", mediaDb.toString(),
        "--in-place").ok();
  }

  /** Adds notes as {@code add-notes} reads them; returns their ids. */
  List<Long> addNotes(String... jsonLines) throws Exception {
    Path jsonl = Files.writeString(file.resolveSibling("notes.jsonl"), String.join("\n", jsonLines) + "\n");
    JsonNode r = oracle.call("add-notes", file.toString(), jsonl.toString(), "--in-place").ok();
    List<Long> ids = new ArrayList<>();
    r.get("ids").forEach(id -> ids.add(id.asLong()));
    return ids;
  }

  /** Answers a card with the real scheduler, writing a review. */
  void answer(long cardId, int ease) {
    oracle.call("answer", file.toString(), Long.toString(cardId), Integer.toString(ease), "--in-place").ok();
  }

  /** Changes the collection with SQL, as Anki's own code would (callers set usn -1 and the times). */
  void exec(String sql) {
    oracle.call("sql", file.toString(), sql, "--in-place").ok();
  }

  JsonNode rows(String sql) {
    return oracle.call("sql", file.toString(), sql).ok().get("rows");
  }

  long scalar(String sql) {
    return rows(sql).get(0).get(0).asLong();
  }
}
