package ankid.server.gui;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import java.nio.file.Path;

/**
 * The long collection operations the Import and Check Database screens run, each returning the
 * summary Anki would show. They are engine operations of their own issues (packages, Check
 * Database); {@link #UNAVAILABLE} stands in, failing as those screens show failures, until the
 * server is given the engine's.
 */
public interface CollectionTasks {
  /** Imports an .apkg/.colpkg (or other file Anki imports) into the collection. */
  String importFile(Collection col, Path file);

  /** Tools › Check Database. */
  String checkDatabase(Collection col);

  CollectionTasks UNAVAILABLE = new CollectionTasks() {
    @Override
    public String importFile(Collection col, Path file) {
      throw new AnkiException("Importing is not available in this version of ankid.");
    }

    @Override
    public String checkDatabase(Collection col) {
      throw new AnkiException("Check Database is not available in this version of ankid.");
    }
  };
}
