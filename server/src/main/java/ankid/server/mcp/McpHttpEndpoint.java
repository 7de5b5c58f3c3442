package ankid.server.mcp;

import ankid.server.Api;
import ankid.server.api.ActionRegistry;
import ankid.server.gate.ConfirmMode;
import ankid.server.http.EndpointGuard;
import ankid.server.http.Origins;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;

/**
 * MCP over streamable HTTP at {@value #PATH} on the API port: the SDK's servlet transport in a
 * servlet context beside the AnkiConnect handler. Requests pass the API's Host check first, then
 * the AnkiConnect origin rules, and when an API key is configured they must carry it as
 * {@code Authorization: Bearer <key>} (the {@link EndpointGuard} every endpoint shares).
 */
public final class McpHttpEndpoint implements AutoCloseable {
  public static final String PATH = "/mcp";

  private final Api api;
  private final ActionRegistry registry;
  private final Supplier<JsonNode> apiKey;
  private final ConfirmMode mode;
  private final EndpointGuard guard;
  private ServletContextHandler context;
  private McpSyncServer server;

  /**
   * The SDK's server, its tools' schemas and the servlet context are built on the first request
   * to {@value #PATH}: they cost more start-up time than the rest of the server, and most clients
   * of the AnkiConnect API never call MCP.
   */
  public McpHttpEndpoint(Api api, ActionRegistry registry, Origins origins, Supplier<JsonNode> apiKey, ConfirmMode mode) {
    this.api = api;
    this.registry = registry;
    this.apiKey = apiKey;
    this.mode = mode;
    this.guard = new EndpointGuard(false, origins, apiKey);
  }

  /** The servlet context to mount in the server, built on the first call. */
  public synchronized Handler handler() {
    if (context == null) {
      HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
          .jsonMapper(AnkiMcp.jsonMapper())
          .mcpEndpoint(PATH)
          .build();
      server = AnkiMcp.serve(transport, registry, Backend.of(api, apiKey.get()), mode);
      ServletHolder holder = new ServletHolder(transport);
      holder.setAsyncSupported(true);
      ServletContextHandler built = new ServletContextHandler();
      built.setContextPath("/");
      built.addServlet(holder, PATH);
      context = built;
    }
    return context;
  }

  /** Whether a request is for this endpoint. */
  public static boolean matches(String path) {
    return PATH.equals(path);
  }

  /**
   * The checks every endpoint shares ({@link EndpointGuard}); the Host was checked by the server
   * in front. A CORS preflight carries no credentials, so it passes on its origin alone.
   */
  public EndpointGuard guard() {
    return guard;
  }

  @Override
  public synchronized void close() {
    if (server != null) server.closeGracefully();
  }
}
