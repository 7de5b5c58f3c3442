package ankid.server.syncserver;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Sync scenarios checked with the real engine: one oracle batch per class, a fresh ankid sync server per test. */
abstract class OracleSyncTest {
  static Oracle.Batch oracle;

  @TempDir Path tmp;
  SyncServerFixture server;

  @BeforeAll
  static void startOracle() {
    SharedFiles.require();
    oracle = Oracle.batch();
  }

  @AfterAll
  static void stopOracle() {
    if (oracle != null) oracle.close();
    oracle = null;
  }

  @BeforeEach
  void startServer() throws Exception {
    server = new SyncServerFixture(tmp.resolve("base"));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  /** A real Anki client with its own collection in {@code dir}, logged in to ankid. */
  AnkiClient ankiClient(String dir) throws Exception {
    return new AnkiClient(oracle, tmp.resolve(dir)).login(server.endpoint(), SyncServerFixture.USER,
        SyncServerFixture.PASSWORD);
  }
}
