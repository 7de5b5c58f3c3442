package ankid.engine.media;

/** A media file name that cannot be used inside the media folder. */
public final class InvalidMediaNameException extends IllegalArgumentException {
  public InvalidMediaNameException(String message) {
    super(message);
  }
}
