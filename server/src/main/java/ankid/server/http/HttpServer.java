package ankid.server.http;

import ankid.server.ServerLimits;
import ankid.server.mcp.McpHttpEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty 12 (core API) in front of the {@link Gateway}, and of MCP at {@code /mcp}: HTTP/1.1 with
 * keep-alive, a bounded thread pool so many clients are served at once, and the
 * {@link ServerLimits}: bodies read without holding a thread and no larger than
 * {@code maxRequestBytes}, idle and header timeouts, a connection cap ({@link ConnectionGuards}).
 * Every reply, Jetty's own errors and an exhausted heap included, is AnkiConnect's JSON envelope.
 * Unlike AnkiConnect it keeps connections open; clients that expect a close still work.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HttpServer.class.getName());

  private final JettyListener listener;

  public HttpServer(Gateway gateway, List<String> bindAddresses, int port) {
    this(gateway, null, bindAddresses, port, ServerLimits.defaults());
  }

  public HttpServer(Gateway gateway, List<String> bindAddresses, int port, ServerLimits limits) {
    this(gateway, null, bindAddresses, port, limits);
  }

  public HttpServer(Gateway gateway, McpHttpEndpoint mcp, List<String> bindAddresses, int port) {
    this(gateway, mcp, bindAddresses, port, ServerLimits.defaults());
  }

  /** The API, and MCP at {@code /mcp} when {@code mcp} is given. */
  public HttpServer(Gateway gateway, McpHttpEndpoint mcp, List<String> bindAddresses, int port, ServerLimits limits) {
    this(gateway, mcp, null, bindAddresses, port, limits);
  }

  public HttpServer(Gateway gateway, McpHttpEndpoint mcp, Handler pages, List<String> bindAddresses, int port) {
    this(gateway, mcp, pages, bindAddresses, port, ServerLimits.defaults());
  }

  /**
   * The API, MCP at {@code /mcp} when {@code mcp} is given, and {@code pages} (the web UI under
   * {@code /ui/}) before the API, which answers every other path as AnkiConnect does; both may be null.
   */
  public HttpServer(Gateway gateway, McpHttpEndpoint mcp, Handler pages, List<String> bindAddresses, int port,
      ServerLimits limits) {
    HostCheck hostCheck = new HostCheck(loopbackOnly(bindAddresses));
    // dynamic: MCP's servlet context is mounted (and started) on the first request to /mcp
    Handler.Wrapper handler = new Handler.Wrapper(true) {
      /**
       * MCP's servlet reads with blocking I/O, so Jetty must never run this on a selector thread (a
       * wrapper without a child would otherwise call itself non-blocking, and a request whose body
       * arrives in a second packet would wait for its own thread until the idle timeout).
       */
      @Override
      public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
      }

      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hostCheck.allows(request.getHeaders().get(HttpHeader.HOST))) {
          response.setStatus(403);
          response.getHeaders().put(HttpHeader.CONNECTION, "close");
          response.write(true, ByteBuffer.allocate(0), callback);
          return true;
        }
        if (mcp != null && McpHttpEndpoint.matches(Request.getPathInContext(request))) {
          return McpRequests.handle(mcp, this::servlets, request, response, callback);
        }
        if (pages != null && pages.handle(request, response, callback)) return true;
        RequestBodies.read(request, limits,
            body -> send(response, callback, answer(gateway, request, body)),
            refused -> send(response, callback, Gateway.refusal(refused.status(), refused.message())));
        return true;
      }

      private synchronized Handler servlets() throws Exception {
        if (getHandler() == null) {
          Handler servlets = mcp.handler();
          setHandler(servlets);
          if (!servlets.isStarted()) servlets.start();
        }
        return getHandler();
      }
    };
    listener = new JettyListener("ankid-http", 64, bindAddresses, port, limits, handler);
  }

  private static Gateway.HttpReply answer(Gateway gateway, Request request, byte[] body) {
    try {
      return gateway.handle(new Gateway.HttpRequest(
          request.getMethod(),
          request.getHeaders().get(HttpHeader.ORIGIN),
          request.getHeaders().get("Access-Control-Request-Private-Network"),
          body,
          request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    } catch (OutOfMemoryError e) {
      return Gateway.internalError(new IllegalStateException("out of memory: the request needs more than the server has"));
    } catch (RuntimeException | StackOverflowError e) {
      // A bug must still answer in AnkiConnect's shape, never with an HTML error page.
      LOG.log(java.util.logging.Level.WARNING, "request failed", e);
      return Gateway.internalError(e);
    }
  }

  private static void send(Response response, Callback callback, Gateway.HttpReply reply) {
    try {
      response.setStatus(reply.status());
      for (Map.Entry<String, String> h : reply.headers().entrySet()) response.getHeaders().put(h.getKey(), h.getValue());
      if (reply.close()) response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, reply.body(), callback);
    } catch (RuntimeException e) {
      callback.failed(e);
    }
  }

  public void start() throws Exception {
    listener.start();
  }

  /** Whether every address is a loopback one (then Host names are checked against DNS rebinding). */
  public static boolean loopbackOnly(List<String> bindAddresses) {
    return bindAddresses.stream().allMatch(HttpServer::isLoopback);
  }

  /** The port actually bound (useful with port 0 in tests). */
  public int port() {
    return listener.port();
  }

  @Override
  public void close() throws Exception {
    listener.close();
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** 127.0.0.1, plus ::1 when this machine has IPv6 loopback. */
  public static List<String> loopbackAddresses() {
    List<String> out = new ArrayList<>(List.of("127.0.0.1"));
    try {
      InetAddress v6 = InetAddress.getByName("::1");
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.bind(new InetSocketAddress(v6, 0));
        out.add("::1");
      }
    } catch (Exception ignored) {
      // no IPv6 loopback here
    }
    return out;
  }
}
