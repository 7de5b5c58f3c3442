package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * File paths from clients, through {@code storeMediaFile.path} (the package and gui actions go
 * through the same {@link ankid.server.api.PathPolicy}).
 */
@ExtendWith(TestServerExtension.class)
class ClientPathsTest {
  private static final String PROFILE_REFUSAL = "is in the profile folders, outside collection.media";

  private static String copy(TestServer server, Path file) throws Exception {
    return server.call("storeMediaFile", """
        {"filename": "copy.bin", "path": "%s"}
        """.formatted(file.toString().replace("\\", "\\\\"))).toString();
  }

  private static TestServer exposed(TestServer server, List<Path> allowed) throws Exception {
    return server.useSafeguards(Safeguards.defaults().withExposure(new Exposure(true, Optional.of(allowed), List.of())));
  }

  @Test
  void aLoopbackServerReadsAFileAnywhereElseAsAnkiConnectDoes(TestServer server, @TempDir Path elsewhere) throws Exception {
    Path file = Files.writeString(elsewhere.resolve("word.mp3"), "sound");
    assertThat(copy(server, file)).isEqualTo("""
        {"result":"copy.bin","error":null}""");
  }

  @Test
  void theCollectionFileIsNeverHandedOut(TestServer server) throws Exception {
    assertThat(copy(server, server.collectionPath())).contains(PROFILE_REFUSAL);
  }

  @Test
  void theCollectionsWalIsNeverHandedOut(TestServer server) throws Exception {
    server.uri();
    assertThat(copy(server, server.collectionPath().resolveSibling("collection.anki2-wal"))).contains(PROFILE_REFUSAL);
  }

  @Test
  void nothingElseInTheProfileFolderIsHandedOut(TestServer server) throws Exception {
    server.uri();
    Path backup = Files.writeString(server.base().resolve("User 1").resolve("notes.txt"), "private");
    assertThat(copy(server, backup)).contains(PROFILE_REFUSAL);
  }

  @Test
  void theMediaTrashIsNotReachable(TestServer server) throws Exception {
    Path trash = Files.createDirectories(server.base().resolve("User 1").resolve("media.trash"));
    assertThat(copy(server, Files.writeString(trash.resolve("old.mp3"), "deleted"))).contains(PROFILE_REFUSAL);
  }

  @Test
  void aFileInTheMediaFolderMayBeCopied(TestServer server) throws Exception {
    Path media = server.collection().mediaFolder();
    assertThat(copy(server, Files.writeString(media.resolve("a.mp3"), "sound"))).isEqualTo("""
        {"result":"copy.bin","error":null}""");
  }

  @Test
  void aRelativePathIsAFileInTheMediaFolder(TestServer server) throws Exception {
    Files.writeString(server.collection().mediaFolder().resolve("b.mp3"), "sound");
    assertThat(server.result("storeMediaFile", """
        {"filename": "c.mp3", "path": "b.mp3"}
        """).asText()).isEqualTo("c.mp3");
  }

  @Test
  void aRelativePathCannotClimbOutOfTheMediaFolderIntoTheProfile(TestServer server) throws Exception {
    server.uri();
    assertThat(server.error("storeMediaFile", """
        {"filename": "c.bin", "path": "../collection.anki2"}
        """)).contains(PROFILE_REFUSAL);
  }

  @Test
  void aSymbolicLinkToTheCollectionIsJudgedWhereItLeads(TestServer server, @TempDir Path elsewhere) throws Exception {
    Path link = Files.createSymbolicLink(elsewhere.resolve("innocent.mp3"), server.collectionPath());
    assertThat(copy(server, link)).contains(PROFILE_REFUSAL);
  }

  @Test
  void theConfigFileWithTheKeyIsNeverHandedOut(TestServer server, @TempDir Path elsewhere) throws Exception {
    Path config = Files.writeString(elsewhere.resolve("ankid.json"), "{\"apiKey\": \"s3cret\"}");
    server.useSafeguards(new Safeguards(ServerLimits.defaults(), Exposure.loopback(), config,
        ankid.server.api.Downloader.Resolver.SYSTEM));
    assertThat(copy(server, config)).contains(PROFILE_REFUSAL);
  }

  @Test
  void anExposedServerReadsNoFileByDefault(TestServer server, @TempDir Path elsewhere) throws Exception {
    Path file = Files.writeString(elsewhere.resolve("word.mp3"), "sound");
    assertThat(copy(exposed(server, List.of()), file))
        .contains("is not in a folder listed in the server's allowedPaths");
  }

  @Test
  void anExposedServerReadsFilesInTheFoldersItsConfigAllows(TestServer server, @TempDir Path shared) throws Exception {
    Path file = Files.writeString(shared.resolve("word.mp3"), "sound");
    assertThat(copy(exposed(server, List.of(shared)), file)).isEqualTo("""
        {"result":"copy.bin","error":null}""");
  }

  @Test
  void allowedPathsAlsoBindALoopbackServerThatSetsThem(TestServer server, @TempDir Path shared, @TempDir Path other)
      throws Exception {
    server.useSafeguards(Safeguards.defaults().withExposure(new Exposure(false, Optional.of(List.of(shared)), List.of())));
    assertThat(copy(server, Files.writeString(other.resolve("x.mp3"), "x")))
        .contains("is not in a folder listed in the server's allowedPaths");
  }
}
