package ankid.server.mcp;

import ankid.server.Api;
import ankid.server.api.ActionRegistry;
import ankid.server.gate.ConfirmMode;
import ankid.server.http.Origins;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;

/**
 * MCP over streamable HTTP at {@value #PATH} on the API port: the SDK's servlet transport in a
 * servlet context beside the AnkiConnect handler. Requests pass the API's Host check first, then
 * the AnkiConnect origin rules, and when an API key is configured they must carry it as
 * {@code Authorization: Bearer <key>}.
 */
public final class McpHttpEndpoint implements AutoCloseable {
  public static final String PATH = "/mcp";

  /** Why a request is turned away: the HTTP status and a one-line reason. */
  public record Refusal(int status, String reason) {}

  private final ServletContextHandler context;
  private final McpSyncServer server;
  private final Origins origins;
  private final Supplier<JsonNode> apiKey;

  public McpHttpEndpoint(Api api, ActionRegistry registry, Origins origins, Supplier<JsonNode> apiKey, ConfirmMode mode) {
    this.origins = origins;
    this.apiKey = apiKey;
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(AnkiMcp.jsonMapper())
        .mcpEndpoint(PATH)
        .build();
    this.server = AnkiMcp.serve(transport, registry, Backend.of(api, apiKey.get()), mode);
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(holder, PATH);
  }

  /** The servlet context to mount in the server. */
  public Handler handler() {
    return context;
  }

  /** Whether a request is for this endpoint. */
  public static boolean matches(String path) {
    return PATH.equals(path);
  }

  /** Null to let the request in, else why not; without {@code headers} only the origin is checked. */
  public Refusal admit(String origin, HttpFields headers) {
    if (!origins.check(origin).allowed()) return new Refusal(403, "origin not allowed");
    JsonNode key = apiKey.get();
    if (key == null || key.isNull() || headers == null) return null;
    String expected = "Bearer " + (key.isTextual() ? key.asText() : key.toString());
    String given = headers.get(HttpHeader.AUTHORIZATION);
    // Constant-time comparison: the key is a secret.
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      return new Refusal(401, "an Authorization: Bearer header with the API key is required");
    }
    return null;
  }

  /** The CORS value for a browser origin that passed {@link #admit}. */
  public String allowOrigin(String origin) {
    return origins.check(origin).allowOrigin();
  }

  @Override
  public void close() {
    server.closeGracefully();
  }
}
