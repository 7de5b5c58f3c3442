package ankid.engine.storage;

import java.sql.SQLException;

/** An SQLite failure: always a bug or a damaged file, never a user error. */
public final class StorageException extends RuntimeException {
  public StorageException(String context, SQLException cause) {
    super("database error (" + cause.getMessage() + ") in: " + abbreviate(context), cause);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 120 ? one.substring(0, 117) + "..." : one;
  }
}
