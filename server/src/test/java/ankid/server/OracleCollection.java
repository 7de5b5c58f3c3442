package ankid.server;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection made by the real Anki engine ({@code anki-oracle new} + {@code add-notes}, then
 * answers for revlog rows), placed where a {@link TestServer} on {@code base} opens it.
 */
final class OracleCollection {
  final Path file;
  final List<Long> cardIds = new ArrayList<>();
  final List<Long> noteIds = new ArrayList<>();

  private OracleCollection(Path file) {
    this.file = file;
  }

  /** One JSON object per line, as {@code add-notes} reads them. */
  static OracleCollection create(Path dir, String... notes) throws Exception {
    Files.createDirectories(dir);
    OracleCollection c = new OracleCollection(dir.resolve("oracle.anki2"));
    Oracle.run("new", c.file.toString()).ok();
    Path jsonl = Files.writeString(dir.resolve("notes.jsonl"), String.join("\n", notes) + "\n");
    JsonNode added = Oracle.run("add-notes", c.file.toString(), jsonl.toString(), "--in-place").ok();
    for (JsonNode n : added.get("notes")) {
      c.noteIds.add(n.get("id").asLong());
      n.get("cardIds").forEach(id -> c.cardIds.add(id.asLong()));
    }
    return c;
  }

  long card(int i) {
    return cardIds.get(i);
  }

  /** Answers with the real scheduler (1 again … 4 easy), writing a revlog row. */
  OracleCollection answer(int cardIndex, int ease) {
    Oracle.run("answer", file.toString(), Long.toString(card(cardIndex)), Integer.toString(ease), "--in-place").ok();
    return this;
  }

  /** Copies the file into {@code base/User 1/collection.anki2} for a server. */
  Path installIn(Path base) throws Exception {
    Path profile = Files.createDirectories(base.resolve("User 1"));
    return Files.copy(file, profile.resolve("collection.anki2"));
  }
}
