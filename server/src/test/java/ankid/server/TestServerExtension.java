package ankid.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own {@link TestServer} over a fresh temporary base folder, as a parameter
 * of the test and of its {@code @BeforeEach}/{@code @AfterEach} methods (the same server for all
 * three). The server starts on the first request and is closed, and its folder deleted, after
 * the test.
 *
 * <pre>{@code
 * @ExtendWith(TestServerExtension.class)
 * class DeckActionsTest {
 *   @Test
 *   void deckNamesListsTheDefaultDeck(TestServer server) throws Exception {
 *     assertThat(server.result("deckNames", "{}")).isEqualTo(json("""
 *         ["Default"]
 *         """));
 *   }
 * }
 * }</pre>
 */
public final class TestServerExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestServer.class;
  }

  @Override
  public TestServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestServer.class, key -> {
      try {
        return TestServer.unstarted(Files.createTempDirectory("ankid-test-"));
      } catch (Exception e) {
        throw new IllegalStateException("cannot prepare a test server", e);
      }
    }, TestServer.class);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
    if (server == null) return;
    try {
      server.close();
    } finally {
      deleteRecursively(server.base());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
