package ankid.server.http;

import ankid.server.ServerLimits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while bytes are awaited (a client sending one byte
 * every few seconds costs a connection, not a thread), no larger than {@code maxRequestBytes}, and
 * within {@link ServerLimits#bodyTimeout}: its idle timeout plus the time the body takes at
 * {@code minRequestBytesPerSecond}. Jetty's core API enforces no body rate of its own.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** Why a body was not read: the reply's status and the message of its envelope. */
  public record Refusal(int status, String message) {}

  /**
   * Reads the body, then calls {@code onBody} or {@code onRefusal} on a thread of the server's
   * pool, where blocking work may run.
   */
  public static void read(Request request, ServerLimits limits, Consumer<byte[]> onBody, Consumer<Refusal> onRefusal) {
    long max = limits.maxRequestBytes();
    long length = request.getLength();
    if (length > max) {
      onRefusal.accept(tooLarge(max));
      return;
    }
    CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, (int) Math.min(max, Integer.MAX_VALUE - 8));
    long timeout = limits.bodyTimeout(length).toMillis();
    Scheduler.Task deadline = request.getComponents().getScheduler().schedule(() -> request.fail(new TimeoutException(
        "the request body did not arrive within " + timeout / 1000 + " s")), timeout, TimeUnit.MILLISECONDS);
    body.whenComplete((bytes, failure) -> {
      deadline.cancel();
      request.getComponents().getExecutor().execute(() -> {
        if (failure == null) onBody.accept(bytes);
        else onRefusal.accept(refusal(failure, max));
      });
    });
  }

  private static Refusal refusal(Throwable failure, long max) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof TimeoutException) return new Refusal(408, cause.getMessage());
    if (cause instanceof OutOfMemoryError) return new Refusal(200, "out of memory while reading the request body");
    if (cause instanceof IllegalArgumentException || String.valueOf(cause.getMessage()).contains("too large")) {
      return tooLarge(max);
    }
    return new Refusal(400, "the request body could not be read: " + cause.getMessage());
  }

  private static Refusal tooLarge(long max) {
    return new Refusal(200, "the request body is larger than " + max + " bytes (the server's maxRequestBytes)");
  }
}
