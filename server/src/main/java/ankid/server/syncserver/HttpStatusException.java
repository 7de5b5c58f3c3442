package ankid.server.syncserver;

/**
 * A sync request that ends with an HTTP status other than 200 (rslib sync/error.rs
 * {@code HttpError}): the body is just the status number, as Anki's server sends it; the context
 * is for the log.
 */
final class HttpStatusException extends RuntimeException {
  private final int status;

  HttpStatusException(int status, String context) {
    super(context);
    this.status = status;
  }

  HttpStatusException(int status, String context, Throwable cause) {
    super(context, cause);
    this.status = status;
  }

  int status() {
    return status;
  }

  static HttpStatusException badRequest(String context) {
    return new HttpStatusException(400, context);
  }

  static HttpStatusException forbidden(String context) {
    return new HttpStatusException(403, context);
  }

  static HttpStatusException conflict(String context) {
    return new HttpStatusException(409, context);
  }
}
