package ankid.engine.sync;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One-way syncs that replace a whole collection (rslib sync/collection/upload.rs and download.rs),
 * for both sides. A received file is opened and integrity-checked before anything is replaced,
 * and the collection it replaces is backed up first, as Anki does before a full download
 * (qt/aqt/sync.py, {@code full_download}).
 */
public final class FullSync {
  /** rslib upload.rs CORRUPT_MESSAGE: what a server answers to an upload it cannot use. */
  public static final String CORRUPT_MESSAGE =
      "Your upload was corrupt. Please use Check Database, or restore from backup.";
  /** rslib upload.rs handle_received_upload. */
  public static final String TOO_LARGE_MESSAGE = "collection exceeds size limit";

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private FullSync() {}

  // Client

  /**
   * Sends this collection to the server, replacing the server's. As rslib's before_upload, the
   * local collection first forgets its pending changes and gets a new schema time, so it changes
   * even if the upload then fails.
   */
  public static void upload(Collection col, SyncServerApi server) {
    col.write(c -> {
      c.graves().clear();
      c.cards().store().clearPendingUsns();
      c.notes().store().clearPendingUsns();
      c.revlog().clearPendingUsns();
      c.tags().store().clearUsns();
      c.deckConfigs().store().clearUsns();
      c.decks().store().clearUsns();
      c.notetypes().store().clearUsns();
      c.colTable().incrementUsn();
      c.markSchemaModified();
      c.colTable().setLastSync(c.colTable().timestamps().schemaModified());
      return null;
    });
    Path copy = tempFile(col, "upload");
    try {
      col.copyTo(copy);
      server.upload(copy);
    } finally {
      deleteQuietly(copy);
    }
  }

  /** Replaces this collection with the server's, after checking it and backing this one up. */
  public static void download(Collection col, SyncServerApi server) {
    Path received = tempFile(col, "download");
    try {
      server.download(received);
      if (!isUsable(col, received, true)) {
        throw new SyncException(SyncException.Kind.OTHER, "the collection the server sent is damaged; nothing was changed");
      }
      col.backups().createBeforeChange();
      col.replaceFile(received);
    } finally {
      deleteQuietly(received);
    }
  }

  // Server

  /**
   * Writes the collection a client downloads to {@code target}, after moving the usn on so later
   * changes are told apart from what the client got (rslib download.rs server_download).
   */
  public static void exportForDownload(Collection col, Path target) {
    col.write(c -> {
      c.colTable().incrementUsn();
      return null;
    });
    col.copyTo(target);
  }

  /**
   * Replaces the collection with a client's upload (rslib upload.rs handle_received_upload);
   * returns "OK" or the message for the client. {@code uploaded} is consumed.
   */
  public static String replaceWithUpload(Collection col, Path uploaded, long maxBytes) {
    try {
      if (Files.size(uploaded) >= maxBytes) return TOO_LARGE_MESSAGE;
      if (!isUsable(col, uploaded, false)) return CORRUPT_MESSAGE;
      col.backups().createBeforeChange();
      col.replaceFile(uploaded);
      return "OK";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(uploaded);
    }
  }

  /**
   * Whether {@code file} is a collection that opens and passes SQLite's integrity check (rslib
   * CollectionBuilder with check_integrity). A downloaded one is marked as synced ({@code ls = mod}).
   */
  static boolean isUsable(Collection like, Path file, boolean markSynced) {
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC)) return false;
    } catch (IOException e) {
      return false;
    }
    try (Collection received = Collection.open(file, like.clock())) {
      String check = received.read(c -> c.db().queryOne("pragma integrity_check", rs -> rs.getString(1)).orElse(""));
      if (!check.equals("ok")) return false;
      if (markSynced) {
        received.write(c -> {
          long mod = c.colTable().timestamps().modified();
          c.colTable().setLastSync(mod);
          c.setModifiedOnCommit(mod);
          return null;
        });
      }
      return true;
    } catch (AnkiException | ankid.engine.storage.StorageException e) {
      return false;
    }
  }

  private static Path tempFile(Collection col, String what) {
    Path dir = col.path().toAbsolutePath().getParent();
    try {
      Path p = Files.createTempFile(dir, "." + what + "-", ".anki2");
      Files.delete(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }
}
