package ankid.server.http;

/**
 * A body AnkiConnect's {@code except ValueError} catches while reading it (a
 * {@code UnicodeDecodeError} or a {@code JSONDecodeError}); the message is Python's
 * {@code str(error)}, which AnkiConnect puts in the reply's {@code error}.
 */
final class PythonValueError extends Exception {
  PythonValueError(String message) {
    super(message, null, false, false);
  }
}
