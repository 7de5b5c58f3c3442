package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Replacing a whole collection with a .colpkg (rslib package/colpkg/import.rs,
 * {@code import_colpkg}), in two steps so the collection being replaced stays usable until the new
 * one is known to be good: {@link #prepare} unpacks the package's collection beside the current
 * file, opens it (upgrading schema 11), marks it changed so the next sync is a full one, checks
 * its integrity and stages the media files that differ from those present; {@link #install} then
 * (with the old collection closed) moves the new file into place and the media into the folder.
 * Closing without installing removes everything prepared.
 */
public final class ColpkgImport implements AutoCloseable {
  private final Path prepared;
  private final MediaStaging media;
  private final long notes;
  private final long mediaFiles;
  private boolean installed;

  private ColpkgImport(Path prepared, MediaStaging media, long notes) {
    this.prepared = prepared;
    this.media = media;
    this.notes = notes;
    this.mediaFiles = media.size();
  }

  static ColpkgImport prepare(Path colpkg, Path collectionFile, Path mediaFolder, Clock clock, PackageLimits limits,
      Progress progress) {
    Path temp = collectionFile.toAbsolutePath().resolveSibling(".ankid-restore-" + UUID.randomUUID() + ".anki2");
    MediaStaging staging = new MediaStaging(mediaFolder);
    try (PackageArchive archive = PackageArchive.open(colpkg, limits)) {
      progress.report("Extracting", 0, 0);
      Files.createDirectories(temp.getParent());
      archive.extractCollection(temp);
      long notes = checkAndMarkModified(temp, clock);
      List<PackagedMedia> entries = archive.mediaEntries();
      int done = 0;
      for (PackagedMedia entry : entries) {
        progress.report("Media", ++done, entries.size());
        if (!alreadyPresent(archive, entry, mediaFolder.resolve(entry.name()))) staging.stage(archive, entry);
      }
      return new ColpkgImport(temp, staging, notes);
    } catch (IOException e) {
      cleanUp(temp, staging);
      throw PackageException.io("cannot unpack the collection beside " + collectionFile, e);
    } catch (RuntimeException e) {
      cleanUp(temp, staging);
      throw e;
    }
  }

  /** rslib {@code check_collection_and_mod_schema}. */
  private static long checkAndMarkModified(Path file, Clock clock) {
    Collection col;
    try {
      col = Collection.open(file, clock);
    } catch (AnkiException | StorageException e) {
      throw PackageException.corrupt("its collection cannot be opened: " + e.getMessage(), e);
    }
    try {
      String check = col.db().queryOne("pragma integrity_check", rs -> rs.getString(1)).orElse("");
      if (!check.equals("ok")) throw PackageException.corrupt("its collection is damaged: " + check);
      col.write(c -> {
        c.markSchemaModified();
        c.db().exec("update col set mod = ?", c.nowMillis());
        return null;
      });
      return col.db().queryLong("select count() from notes", 0);
    } catch (StorageException e) {
      throw PackageException.corrupt("its collection is damaged: " + e.getMessage(), e);
    } finally {
      col.close();
    }
  }

  /**
   * rslib {@code MediaComparer}: a file of the same name is kept when it is the same file, judged
   * by SHA-1 in LATEST packages and by size in legacy ones.
   */
  private static boolean alreadyPresent(PackageArchive archive, PackagedMedia entry, Path existing) throws IOException {
    if (!Files.isRegularFile(existing)) return false;
    if (entry.sha1() == null) return Files.size(existing) == archive.storedSize(entry);
    if (Files.size(existing) != entry.size()) return false;
    try (InputStream in = Files.newInputStream(existing)) {
      return Arrays.equals(MediaUseMap.digest(in), entry.sha1());
    }
  }

  public long notes() {
    return notes;
  }

  public long mediaFiles() {
    return mediaFiles;
  }

  /**
   * Puts the prepared collection in place of {@code collectionFile}, which must be closed; a stale
   * write-ahead log of the old file is removed first so SQLite cannot replay it onto the new one.
   */
  public void install(Path collectionFile) {
    try {
      for (String suffix : List.of("-wal", "-shm", "-journal")) {
        Files.deleteIfExists(collectionFile.resolveSibling(collectionFile.getFileName() + suffix));
      }
      Files.move(prepared, collectionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw PackageException.io("cannot replace " + collectionFile, e);
    }
    installed = true;
    media.commit();
  }

  /**
   * Puts the prepared collection in place of the open {@code col}'s file and carries on with it
   * ({@link Collection#replaceFile}), so whoever holds {@code col} (the API, the sync server) sees
   * the new collection; then moves the media into the folder.
   */
  public void installInto(Collection col) {
    col.replaceFile(prepared);
    installed = true;
    media.commit();
  }

  @Override
  public void close() {
    cleanUp(installed ? null : prepared, media);
  }

  private static void cleanUp(Path prepared, MediaStaging media) {
    media.close();
    if (prepared != null) {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        TempFiles.deleteQuietly(prepared.resolveSibling(prepared.getFileName() + suffix));
      }
    }
  }
}
