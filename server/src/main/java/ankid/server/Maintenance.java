package ankid.server;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.dbcheck.CheckDatabaseOutput;

/**
 * Upkeep of a whole collection, the same for the API ({@code checkDatabase}, {@code
 * guiCheckDatabase}), the web UI and the command line ({@code ankid check}).
 */
public final class Maintenance {
  private Maintenance() {}

  /** Tools › Check Database. */
  public static CheckDatabaseOutput checkDatabase(Collection col, Progress progress) {
    return col.dbCheck().checkDatabase(progress);
  }
}
