package ankid.engine;

/**
 * Long operations (packages, Check Database, backups, sync) report how far they are, as rslib's
 * {@code progress.rs} handlers do; a CLI draws a bar from it, a server ignores it.
 */
@FunctionalInterface
public interface Progress {
  Progress NONE = (stage, done, total) -> {};

  /** {@code done} of {@code total} units of {@code stage} are finished ({@code total} 0 when unknown). */
  void report(String stage, long done, long total);
}
