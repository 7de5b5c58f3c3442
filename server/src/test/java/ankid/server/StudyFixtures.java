package ankid.server;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collections made by real Anki in a server base folder, for the scheduling and statistics tests. */
final class StudyFixtures {
  private StudyFixtures() {}

  /** The card ids of {@code notes} Basic notes and one "Basic (and reversed card)" note (last two). */
  static List<Long> newCollection(Path base, int notes) throws Exception {
    Path profile = Files.createDirectories(base.resolve("User 1"));
    Path file = profile.resolve(Profiles.COLLECTION_FILE);
    Oracle.run("new", file.toString()).ok();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < notes; i++) {
      lines.append("{\"notetype\":\"Basic\",\"deck\":\"Study\",\"fields\":[\"q").append(i).append("\",\"a\"]}\n");
    }
    lines.append("{\"notetype\":\"Basic (and reversed card)\",\"deck\":\"Study::Sub\",\"fields\":[\"x\",\"y\"]}\n");
    Path jsonl = Files.writeString(base.resolve("notes.jsonl"), lines.toString());
    JsonNode added = Oracle.run("add-notes", file.toString(), jsonl.toString(), "--in-place").ok();
    List<Long> ids = new ArrayList<>();
    added.get("notes").forEach(n -> n.get("cardIds").forEach(c -> ids.add(c.asLong())));
    return ids;
  }

  /** The Spanish fixture (31,363 real reviews) as the collection of profile "User 1". */
  static Path spanish(Path base) {
    return SharedFiles.unpackCollection("real-anki25-spanish-with-scheduling.apkg", base.resolve("User 1"));
  }

  static void assertAnkiFindsNoProblems(Path file) {
    JsonNode check = Oracle.run("check", file.toString()).ok();
    if (!check.get("problems").isEmpty()) throw new AssertionError("Check Database: " + check);
  }
}
