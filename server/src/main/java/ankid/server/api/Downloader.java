package ankid.server.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Fetches media URLs for storeMediaFile and the media of notes (AnkiConnect's
 * {@code plugin/util.py, download}: a GET with {@code webTimeout}, non-200 is an error), with the
 * guards a server reachable by others needs: http and https only; every connection, redirects
 * included, goes to an address the {@link AddressPolicy} accepts, judged after resolution; the body
 * is cut off past {@code maxBytes} while it streams; and the whole exchange, redirects included,
 * ends after {@code total}.
 */
public final class Downloader implements AutoCloseable {
  /** Host name resolution (the system's, or a stub in tests). */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  private final Resolver resolver;
  private final AddressPolicy policy;
  /** Made on the first download: Jetty's client classes cost start-up time most servers never recoup. */
  private HttpClient http;
  private final Duration readTimeout;
  private final Duration total;
  private final long maxBytes;

  public Downloader(Resolver resolver, AddressPolicy policy, Duration readTimeout, Duration total, long maxBytes) {
    this.readTimeout = readTimeout;
    this.total = total;
    this.maxBytes = maxBytes;
    this.resolver = resolver;
    this.policy = policy;
  }

  /** Starts the client on the first download: most servers never fetch a URL. */
  private synchronized HttpClient started() {
    if (http == null) {
      http = new HttpClient();
      http.setSocketAddressResolver(new Guarded(resolver, policy));
      http.setFollowRedirects(true);
      http.setMaxRedirects(8);
      http.setConnectTimeout(readTimeout.toMillis());
      http.setIdleTimeout(readTimeout.toMillis());
      http.setUserAgentField(new org.eclipse.jetty.http.HttpField(org.eclipse.jetty.http.HttpHeader.USER_AGENT, "AnkiConnect"));
    }
    if (!http.isStarted()) {
      try {
        http.start();
      } catch (Exception e) {
        throw new ApiError("cannot start the download client: " + e.getMessage());
      }
    }
    return http;
  }

  /** The body of a 200 reply to a GET of {@code url}, or an {@link ApiError} saying why not. */
  public byte[] download(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ApiError("unknown url type: " + PythonRepr.repr(url));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ApiError("unknown url type: " + PythonRepr.repr(url));
    }
    Request request = started().newRequest(uri).idleTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .timeout(total.toMillis(), TimeUnit.MILLISECONDS);
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
    Future<ContentResponse> reply = new CompletableResponseListener(request, cap).send();
    ContentResponse response;
    try {
      response = reply.get(total.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      request.abort(e);
      throw new ApiError(url + " download took longer than " + total.toSeconds() + " s");
    } catch (InterruptedException e) {
      request.abort(e);
      Thread.currentThread().interrupt();
      throw new ApiError("download interrupted");
    } catch (ExecutionException e) {
      throw new ApiError(failure(url, e.getCause()));
    }
    if (response.getStatus() != 200) {
      throw new ApiError(url + " download failed with return code " + response.getStatus());
    }
    return response.getContent();
  }

  private String failure(String url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof Refused refused) return refused.getMessage();
      if (t instanceof TimeoutException) return url + " download took longer than " + total.toSeconds() + " s";
      String m = String.valueOf(t.getMessage());
      if (m.contains("capacity") || m.contains("exceeded")) {
        return url + " download is larger than " + maxBytes + " bytes (the server's maxDownloadBytes)";
      }
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  @Override
  public synchronized void close() throws Exception {
    if (http != null && http.isStarted()) http.stop();
  }

  /** A destination the policy refuses. */
  static final class Refused extends UnknownHostException {
    Refused(String message) {
      super(message);
    }
  }

  /** Resolves, then keeps only the addresses the policy accepts; none left fails the connection. */
  private record Guarded(Resolver resolver, AddressPolicy policy) implements SocketAddressResolver {
    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
      try {
        List<InetSocketAddress> ok = new ArrayList<>();
        String why = null;
        for (InetAddress address : resolver.resolve(host)) {
          String refusal = policy.refusal(address);
          if (refusal == null) ok.add(new InetSocketAddress(address, port));
          else why = host + " is " + address.getHostAddress() + ", " + refusal;
        }
        if (ok.isEmpty()) {
          promise.failed(why == null ? new UnknownHostException(host) : new Refused("download refused: " + why));
        } else {
          promise.succeeded(ok);
        }
      } catch (Exception e) {
        promise.failed(e);
      }
    }
  }
}
