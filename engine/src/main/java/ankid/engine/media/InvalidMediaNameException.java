package ankid.engine.media;

/** A media file name that cannot be used inside the media folder. */
public final class InvalidMediaNameException extends ankid.engine.AnkiException {
  public InvalidMediaNameException(String message) {
    super(message);
  }
}
