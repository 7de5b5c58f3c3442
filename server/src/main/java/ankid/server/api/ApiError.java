package ankid.server.api;

/** An error reported to the client verbatim in the {@code error} field. */
public final class ApiError extends RuntimeException {
  public ApiError(String message) {
    super(message, null, false, false);
  }
}
