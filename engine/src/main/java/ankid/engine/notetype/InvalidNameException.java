package ankid.engine.notetype;

/** A notetype, field or template name Anki refuses; the message is Anki's. */
public final class InvalidNameException extends IllegalArgumentException {
  public InvalidNameException(String message) {
    super(message);
  }
}
