package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Media is never destroyed: what is removed or replaced goes to {@code media.trash}, as in Anki. */
@ExtendWith(TestServerExtension.class)
class MediaTrashTest {

  private static Path trash(TestServer server) {
    return server.collection().mediaFolder().resolveSibling("media.trash");
  }

  @Test
  void deleteMediaFileMovesTheFileToTheMediaTrash(TestServer server) throws Exception {
    Files.writeString(server.collection().mediaFolder().resolve("old.mp3"), "kept");
    server.result("deleteMediaFile", """
        {"filename": "old.mp3"}
        """);
    assertThat(server.collection().mediaFolder().resolve("old.mp3")).doesNotExist();
    assertThat(trash(server).resolve("old.mp3")).hasContent("kept");
  }

  @Test
  void storeMediaFileKeepsTheFileItReplacesInTheTrash(TestServer server) throws Exception {
    Files.writeString(server.collection().mediaFolder().resolve("word.mp3"), "first take");
    server.result("storeMediaFile", """
        {"filename": "word.mp3", "data": "c2Vjb25kIHRha2U="}
        """);
    assertThat(server.collection().mediaFolder().resolve("word.mp3")).hasContent("second take");
    assertThat(trash(server).resolve("word.mp3")).hasContent("first take");
  }

  @Test
  void deletingAMissingFileIsNoError(TestServer server) throws Exception {
    assertThat(server.call("deleteMediaFile", """
        {"filename": "never.mp3"}
        """).get("error").isNull()).isTrue();
  }
}
