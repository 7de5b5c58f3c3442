package ankid.server.syncserver;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleSmokeTest {
  @TempDir Path tmp;

  @Test
  void fullUploadThenNormalSync() throws Exception {
    SharedFiles.require();
    try (SyncServerFixture server = new SyncServerFixture(tmp.resolve("base"))) {
      Path c = tmp.resolve("c.anki2");
      Oracle.run("new", c.toString()).ok();
      Path notes = Files.writeString(tmp.resolve("n.jsonl"), "{\"notetype\": \"Basic\", \"fields\": [\"hello\", \"world\"], \"tags\": [\"a\"]}\n");
      Oracle.run("add-notes", c.toString(), notes.toString(), "--in-place").ok();
      JsonNode login = Oracle.run("sync-login", server.endpoint(), SyncServerFixture.USER, SyncServerFixture.PASSWORD).ok();
      String hkey = login.get("hkey").asText();
      JsonNode first = Oracle.run("sync", c.toString(), "--endpoint", server.endpoint(), "--hkey", hkey, "--in-place").ok();
      System.out.println(first);
      JsonNode up = Oracle.run("full-upload", c.toString(), "--endpoint", server.endpoint(), "--hkey", hkey, "--in-place").json();
      System.out.println(up);
      JsonNode again = Oracle.run("sync", c.toString(), "--endpoint", server.endpoint(), "--hkey", hkey, "--in-place").ok();
      System.out.println(again);
      Oracle.run("add-notes", c.toString(), notes.toString(), "--in-place").ok();
      JsonNode normal = Oracle.run("sync", c.toString(), "--endpoint", server.endpoint(), "--hkey", hkey, "--in-place").json();
      System.out.println(normal);
      long count = server.collection().read(col -> col.db().queryLong("select count() from notes", 0));
      assertThat(count).isEqualTo(2);
      System.out.println(Oracle.run("check", c.toString()).json());
    }
  }
}
