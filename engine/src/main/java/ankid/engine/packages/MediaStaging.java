package ankid.engine.packages;

import ankid.engine.Progress;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Media an import brings, written while the import runs and removed again unless the collection
 * commits: a failed import leaves the media folder as it was. A file whose name is free is written
 * under that name at once (as Anki's importer writes it, rslib import/media.rs), so a successful
 * import renames nothing; one whose name is taken (a .colpkg bringing a different file of the same
 * name) is written beside it under a temporary name and moved over it only at {@link #commit}.
 *
 * <p>An .apkg import copies its media on a worker thread ({@link #startCopying}) while its notes,
 * cards and reviews are written: unpacking a gigabyte of media is mostly waiting for the disk, and
 * the database work needs the processor, so doing both at once saves most of the media's time.
 */
final class MediaStaging implements AutoCloseable {
  /** A file this import wrote: at its target, or at {@code temp} until {@link #commit} moves it. */
  private record Staged(PackagedMedia entry, Path written, Path target) {
    boolean inPlace() {
      return written.equals(target);
    }
  }

  private final Path folder;
  private final String prefix = ".ankid-import-" + UUID.randomUUID() + "-";
  /** Guarded by {@code this}: the worker adds to it while the import runs. */
  private final List<Staged> staged = new ArrayList<>();
  private boolean folderCreated;
  private Thread worker;
  private volatile boolean cancelled;
  private volatile int copied;
  private volatile Throwable failure;

  MediaStaging(Path folder) {
    this.folder = folder;
  }

  /** Copies a packaged file, decompressed, into the media folder (see above for where). */
  void stage(PackageArchive archive, PackagedMedia entry) {
    try {
      if (!folderCreated) {
        Files.createDirectories(folder);
        folderCreated = true;
      }
      Path target = folder.resolve(entry.name());
      Path written = target;
      FileChannel opened;
      try {
        opened = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        written = folder.resolve(prefix + size());
        opened = FileChannel.open(written, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      // Recorded before the first byte, so a failure part-way still removes the file.
      synchronized (this) {
        staged.add(new Staged(entry, written, target));
      }
      try (FileChannel out = opened) {
        archive.copyMedia(entry, out);
      }
    } catch (PackageException e) {
      throw e;
    } catch (IOException e) {
      throw PackageException.io("cannot write media file " + entry.name() + " into " + folder, e);
    }
  }

  /**
   * Starts copying {@code entries} on a worker thread, which is then the only user of {@code archive}
   * until {@link #awaitCopies} or {@link #close} returns.
   */
  void startCopying(PackageArchive archive, List<PackagedMedia> entries) {
    if (worker != null) throw new IllegalStateException("already copying");
    worker = new Thread(() -> {
      try {
        for (PackagedMedia entry : entries) {
          if (cancelled) return;
          stage(archive, entry);
          copied++;
        }
      } catch (Throwable t) {
        failure = t;
      }
    }, "ankid-import-media");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Waits for the copies {@link #startCopying} began, reporting progress, then deletes those of
   * entries not in {@code used} (no imported note refers to them, so Anki would not have copied
   * them); a failed copy fails the import.
   */
  void awaitCopies(Set<PackagedMedia> used, int total, Progress progress) {
    if (worker == null) return;
    while (!join(100)) progress.report("Media", copied, total);
    worker = null;
    Throwable t = failure;
    if (t instanceof RuntimeException e) throw e;
    if (t instanceof Error e) throw e;
    synchronized (this) {
      staged.removeIf(s -> {
        if (used.contains(s.entry())) return false;
        TempFiles.deleteQuietly(s.written());
        return true;
      });
    }
    progress.report("Media", total, total);
  }

  private boolean join(long millis) {
    try {
      worker.join(millis);
      return !worker.isAlive();
    } catch (InterruptedException e) {
      cancelled = true;
      Thread.currentThread().interrupt();
      throw PackageException.io("interrupted while copying media into " + folder, e);
    }
  }

  synchronized int size() {
    return staged.size();
  }

  /** Keeps what was written: files beside their name replace it (as Anki's atomic rename does). */
  synchronized void commit() {
    for (Staged s : staged) {
      if (s.inPlace()) continue;
      try {
        Files.move(s.written(), s.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw PackageException.io("cannot move imported media into place as " + s.target(), e);
      }
    }
    staged.clear();
  }

  /** Stops a worker still copying (its files are deleted with the others). */
  @Override
  public void close() {
    Thread w = worker;
    if (w != null) {
      cancelled = true;
      Prefetch.joinUninterruptibly(w);
      worker = null;
    }
    synchronized (this) {
      for (Staged s : staged) TempFiles.deleteQuietly(s.written());
      staged.clear();
    }
  }
}
