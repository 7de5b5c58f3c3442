package ankid.engine.sync;

import ankid.engine.AnkiException;

/**
 * A sync failed; {@link #kind()} says how, as rslib's {@code SyncErrorKind} does, so a server can
 * answer with the matching HTTP status and a client can tell the user what to do.
 */
public final class SyncException extends AnkiException {
  /** rslib error.rs {@code SyncErrorKind}, plus what ankid's server answers with. */
  public enum Kind {
    /** Wrong user, password or host key (HTTP 403). */
    AUTH_FAILED,
    /** Another sync holds the collection, or none is running (HTTP 409). */
    CONFLICT,
    /** The client speaks a protocol version the server does not (HTTP 501). */
    CLIENT_TOO_OLD,
    /** The other side could not apply what was sent (HTTP 400): check the database, sync again. */
    DATABASE_CHECK_REQUIRED,
    /** The counts differ after merging: the client must do a full sync. */
    SANITY_CHECK_FAILED,
    /** A notetype's fields or templates changed without a full sync; sync again. */
    RESYNC_REQUIRED,
    /** The server's clock and ours differ by more than five minutes. */
    CLOCK_INCORRECT,
    /** The server refused with a message for the user. */
    SERVER_MESSAGE,
    /** The server failed (HTTP 5xx). */
    SERVER_ERROR,
    /** The collection is larger than the server accepts. */
    UPLOAD_TOO_LARGE,
    /** The network failed or timed out. */
    NETWORK,
    OTHER
  }

  private final Kind kind;

  public SyncException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SyncException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
