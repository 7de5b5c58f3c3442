package ankid.engine;

/**
 * An error whose message is meant for the client as is (Anki's or AnkiConnect's wording). Anything
 * else escaping the engine is a bug and is reported generically.
 */
public class AnkiException extends RuntimeException {
  public AnkiException(String message) {
    super(message);
  }

  public AnkiException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A referenced object does not exist. */
  public static final class NotFound extends AnkiException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** Input that Anki rejects (its "invalid input" errors). */
  public static final class InvalidInput extends AnkiException {
    public InvalidInput(String message) {
      super(message);
    }
  }

  /** The collection file is held by another program (Anki or a second ankid). */
  public static final class CollectionInUse extends AnkiException {
    public CollectionInUse(String message) {
      super(message);
    }
  }

  /**
   * The file, or a row in it, cannot be read as an Anki collection: too old, too new, not SQLite, or
   * a damaged blob.
   */
  public static final class BadCollection extends AnkiException {
    public BadCollection(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
