package ankid.engine.notetype;

/** A notetype, field or template name Anki refuses; the message is Anki's. */
public final class InvalidNameException extends ankid.engine.AnkiException {
  public InvalidNameException(String message) {
    super(message);
  }
}
