package ankid.server.http;

import ankid.server.mcp.McpHttpEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The door to {@code /mcp}: origin and key checks, CORS for browser-based MCP clients (preflight
 * answered here; the session header exposed), then the MCP servlet (mounted once a request gets there).
 */
final class McpRequests {
  private static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, Mcp-Session-Id, "
      + "Mcp-Protocol-Version, Last-Event-ID";

  private McpRequests() {}

  static boolean handle(McpHttpEndpoint mcp, Callable<Handler> servlets, Request request, Response response, Callback callback)
      throws Exception {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    boolean preflight = "OPTIONS".equalsIgnoreCase(request.getMethod());
    EndpointGuard.Refusal refusal = preflight ? mcp.guard().hostAndOrigin(request.getHeaders())
        : mcp.guard().admit(request.getHeaders());
    if (refusal != null) {
      response.setStatus(refusal.status());
      if (refusal.status() == 401) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(true, ByteBuffer.wrap((refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    if (origin != null) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, mcp.guard().allowOrigin(origin));
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Mcp-Session-Id");
    }
    if (preflight) {
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
      response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      response.setStatus(204);
      response.write(true, ByteBuffer.allocate(0), callback);
      return true;
    }
    return servlets.call().handle(request, response, callback);
  }
}
