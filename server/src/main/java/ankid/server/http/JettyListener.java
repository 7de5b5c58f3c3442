package ankid.server.http;

import ankid.server.ServerLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty 12 server (core API) on one port of several addresses, with a bounded thread pool and
 * no Server or Date header (AnkiConnect sends neither): what ankid's API and sync servers share.
 */
public final class JettyListener implements AutoCloseable {
  /** Held so the level sticks (java.util.logging keeps loggers only weakly). */
  private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

  static {
    // Jetty's INFO chatter is not useful to users; warnings still show.
    JETTY.setLevel(Level.WARNING);
  }

  private final Server server;
  private final List<ServerConnector> connectors = new ArrayList<>();

  public JettyListener(String threadName, int maxThreads, List<String> bindAddresses, int port, long idleTimeoutMillis,
      Handler handler) {
    this(threadName, maxThreads, bindAddresses, port, idleTimeoutMillis, handler, null);
  }

  /**
   * With {@code limits}, the connection guards (idle and header timeouts, a connection cap) and
   * Jetty's own errors as AnkiConnect's JSON envelope ({@link JsonErrors}).
   */
  public JettyListener(String threadName, int maxThreads, List<String> bindAddresses, int port, ServerLimits limits,
      Handler handler) {
    this(threadName, maxThreads, bindAddresses, port, limits.idleTimeout().toMillis(), handler, limits);
  }

  private JettyListener(String threadName, int maxThreads, List<String> bindAddresses, int port, long idleTimeoutMillis,
      Handler handler, ServerLimits limits) {
    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(4, maxThreads));
    pool.setName(threadName);
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    for (String addr : bindAddresses) {
      ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
      c.setHost(addr);
      c.setPort(port);
      c.setReuseAddress(true);
      c.setIdleTimeout(idleTimeoutMillis);
      server.addConnector(c);
      connectors.add(c);
    }
    if (limits != null) {
      server.setErrorHandler(new JsonErrors());
      ConnectionGuards.apply(server, connectors, limits);
    }
    server.setHandler(handler);
  }

  public void start() throws Exception {
    server.start();
  }

  /** The port actually bound (useful with port 0 in tests). */
  public int port() {
    return connectors.get(0).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
