package ankid.server.http;

import ankid.server.ServerLimits;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The connection-level limits of {@link ServerLimits} on a Jetty server, for every HTTP port ankid
 * opens (the API, and the sync server's own port): an idle timeout, a cap on open connections
 * (beyond it idle ones are closed within a second), and a header timeout, which Jetty does not
 * have: a connection that has not finished the headers of its first request in time is closed,
 * so a client trickling header bytes cannot keep connections forever. Threads are not at stake
 * here (Jetty reads headers without holding one); bodies are read the same way, by
 * {@link RequestBodies}.
 */
public final class ConnectionGuards {
  private ConnectionGuards() {}

  /** Applies the limits to connectors already added to {@code server}. */
  public static void apply(Server server, List<ServerConnector> connectors, ServerLimits limits) {
    for (ServerConnector c : connectors) {
      c.setIdleTimeout(limits.idleTimeout().toMillis());
      c.addEventListener(new HeaderTimeout(c.getScheduler(), limits.headerTimeout().toMillis()));
    }
    NetworkConnectionLimit cap = new NetworkConnectionLimit(limits.maxConnections(),
        connectors.toArray(new ServerConnector[0]));
    cap.setEndPointIdleTimeout(1000);
    server.addBean(cap);
  }

  /** Closes a connection still without the headers of its first request after {@code millis}. */
  private record HeaderTimeout(Scheduler scheduler, long millis) implements Connection.Listener {
    @Override
    public void onOpened(Connection connection) {
      scheduler.schedule(() -> {
        if (!(connection instanceof HttpConnection http) || !connection.getEndPoint().isOpen()) return;
        // no reply sent and no request whose headers are complete: still in its first headers
        if (http.getMessagesOut() == 0 && http.getHttpChannel().getRequest() == null) {
          connection.getEndPoint().close();
        }
      }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
      // the scheduled check finds the connection closed and does nothing
    }
  }
}
