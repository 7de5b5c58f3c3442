package ankid.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** importPackage and exportPackage follow the same path policy as storeMediaFile.path. */
@ExtendWith(TestServerExtension.class)
class PackagePathsTest {
  private static TestServer exposed(TestServer server, List<Path> allowed) throws Exception {
    return server.useSafeguards(Safeguards.defaults().withExposure(new Exposure(true, Optional.of(allowed), List.of())));
  }

  private static String json(Path p) {
    return p.toString().replace("\\", "\\\\");
  }

  @Test
  void exportPackageCannotOverwriteTheCollection(TestServer server) throws Exception {
    assertThat(server.error("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(server.collectionPath())))).contains("is in the profile folders, outside collection.media");
  }

  @Test
  void importPackageCannotReadTheProfileOutsideItsMedia(TestServer server) throws Exception {
    assertThat(server.error("importPackage", """
        {"path": "%s"}
        """.formatted(json(server.collectionPath().resolveSibling("collection.anki2-wal")))))
        .contains("is in the profile folders, outside collection.media");
  }

  @Test
  void exportPackageCannotWriteIntoTheProfilesBackups(TestServer server) throws Exception {
    Path backups = Files.createDirectories(server.collectionPath().resolveSibling("backups"));
    assertThat(server.error("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(backups.resolve("backup-2026-01-01-00.00.00.colpkg")))))
        .contains("is in the profile folders, outside collection.media");
  }

  @Test
  void anExposedServerExportsNowhereByDefault(TestServer server, @TempDir Path elsewhere) throws Exception {
    assertThat(exposed(server, List.of()).error("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(elsewhere.resolve("deck.apkg"))))).contains("allowedPaths");
    assertThat(Files.exists(elsewhere.resolve("deck.apkg"))).isFalse();
  }

  @Test
  void anExposedServerExportsIntoAFolderItsConfigAllows(TestServer server, @TempDir Path shared) throws Exception {
    assertThat(exposed(server, List.of(shared)).result("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(shared.resolve("deck.apkg")))).asBoolean()).isTrue();
    assertThat(Files.size(shared.resolve("deck.apkg"))).isPositive();
  }

  @Test
  void anExposedServerImportsNothingFromOutsideItsAllowedPaths(TestServer server, @TempDir Path shared,
      @TempDir Path elsewhere) throws Exception {
    Path apkg = elsewhere.resolve("deck.apkg");
    assertThat(server.result("exportPackage", """
        {"deck": "Default", "path": "%s"}
        """.formatted(json(apkg))).asBoolean()).isTrue();
    assertThat(exposed(server, List.of(shared)).error("importPackage", """
        {"path": "%s"}
        """.formatted(json(apkg)))).contains("allowedPaths");
  }
}
