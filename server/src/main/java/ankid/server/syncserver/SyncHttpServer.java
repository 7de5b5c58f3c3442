package ankid.server.syncserver;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import ankid.server.http.EndpointGuard;
import ankid.server.http.HttpServer;
import ankid.server.http.JettyListener;
import ankid.server.http.Origins;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Anki's sync server on its own port (Jetty 12, core API): {@code POST /sync/<method>} and
 * {@code /msync/<method>}, zstd bodies both ways, {@code anki-original-size} on every 200 reply
 * (rslib response.rs make_response), the bare status number as the body of any other reply, and
 * {@code GET /health}. It speaks plain HTTP; a reverse proxy adds TLS when it is exposed.
 */
public final class SyncHttpServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SyncHttpServer.class.getName());
  static final String ORIGINAL_SIZE = "anki-original-size";

  private final JettyListener listener;

  /** With the Host and Origin checks of the API's CORS list. */
  public SyncHttpServer(SyncService service, List<String> bindAddresses, int port, SyncLimits limits) {
    this(service, bindAddresses, port, limits,
        new EndpointGuard(HttpServer.loopbackOnly(bindAddresses), new Origins(List.of("http://localhost")), null));
  }

  /**
   * {@code guard} without a key: Anki's clients authenticate with their user key ({@code hkey}), and
   * cannot send ankid's apiKey. The Host and Origin checks keep web pages out, which Anki's clients
   * never are (they send no Origin).
   */
  public SyncHttpServer(SyncService service, List<String> bindAddresses, int port, SyncLimits limits,
      EndpointGuard guard) {
    listener = new JettyListener("ankid-sync", 32, bindAddresses, port, limits.idleTimeoutMillis(), new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        EndpointGuard.Refusal refused = guard.admit(request.getHeaders());
        if (refused != null) {
          LOG.fine(path + ": " + refused.reason());
          status(response, callback, refused.status());
          return true;
        }
        if (path.equals("/health") && request.getMethod().equals("GET")) {
          status(response, callback, 200);
          return true;
        }
        if (!path.startsWith("/sync/") && !path.startsWith("/msync/")) {
          status(response, callback, 404);
          return true;
        }
        if (!request.getMethod().equals("POST")) {
          status(response, callback, 405);
          return true;
        }
        SyncReply reply;
        try (InputStream in = Content.Source.asInputStream(request)) {
          reply = service.handle(path, request.getHeaders().get(SyncHeader.NAME), in, request.getLength());
        } catch (HttpStatusException e) {
          LOG.log(e.status() >= 500 && e.status() != 501 ? Level.WARNING : Level.FINE,
              path + ": " + e.status() + " " + e.getMessage(), e.getCause());
          status(response, callback, e.status());
          return true;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, path + " failed", e);
          status(response, callback, 500);
          return true;
        }
        send(response, callback, reply);
        return true;
      }
    });
  }

  /** Any reply but 200: the status number as text, which is all Anki's clients look at. */
  private static void status(Response response, Callback callback, int status) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(Integer.toString(status).getBytes(StandardCharsets.US_ASCII)), callback);
  }

  private static void send(Response response, Callback callback, SyncReply reply) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
    if (reply.bytes() != null) {
      response.getHeaders().put(ORIGINAL_SIZE, Integer.toString(reply.bytes().length));
      response.write(true, ByteBuffer.wrap(Zstd.compress(reply.bytes())), callback);
      return;
    }
    Path file = reply.file();
    try {
      response.getHeaders().put(ORIGINAL_SIZE, Long.toString(Files.size(file)));
      try (OutputStream out = new ZstdOutputStream(Content.Sink.asOutputStream(response))) {
        Files.copy(file, out);
      }
      callback.succeeded();
    } catch (Exception e) {
      callback.failed(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (java.io.IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }

  public void start() throws Exception {
    listener.start();
  }

  public int port() {
    return listener.port();
  }

  @Override
  public void close() throws Exception {
    listener.close();
  }
}
