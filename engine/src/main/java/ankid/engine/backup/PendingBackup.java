package ankid.engine.backup;

import ankid.engine.AnkiException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A backup whose snapshot is taken and whose .colpkg is being written in the background. */
public record PendingBackup(Path file, CompletableFuture<Path> written) {
  /** Waits until the file is complete; a failure to write it is thrown here. */
  public Path await() {
    try {
      return written.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AnkiException("interrupted while writing the backup " + file);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      throw new AnkiException("cannot write the backup " + file + ": " + cause.getMessage(), cause);
    }
  }
}
