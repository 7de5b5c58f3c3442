package ankid.engine.sync.media;

import ankid.engine.AnkiException;
import ankid.engine.media.MediaFolder;
import ankid.engine.media.MediaNames;
import ankid.engine.sync.SyncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server side of media sync for one profile (rslib sync/http_server/media_manager and
 * sync/media/database/server). Unlike Anki's server, the folder is also the collection's media
 * folder that API requests write into, so its changes are registered (with new usns) before the
 * server answers: files stored through the API reach clients like uploaded ones.
 */
public final class ServerMedia implements AutoCloseable {
  /** The server media database, beside the collection. */
  public static final String DB_FILE = "collection.media.server.db";

  private final Path folder;
  private final ServerMediaDb db;
  private long scannedFolderMtime = Long.MIN_VALUE;

  private ServerMedia(Path folder, ServerMediaDb db) {
    this.folder = folder;
    this.db = db;
  }

  public static ServerMedia open(Path mediaFolder, Path dbFile) {
    return new ServerMedia(mediaFolder, ServerMediaDb.open(dbFile));
  }

  /** The usn of the last change, after taking in changes made to the folder. */
  public int lastUsn() {
    registerFolderChanges();
    return db.meta().lastUsn();
  }

  public List<MediaChange> changesAfter(int usn) {
    registerFolderChanges();
    return db.changesAfter(usn);
  }

  /** "OK" when the client has as many files as the server, else "mediaSanity" (rslib media_manager sanity_check). */
  public String sanityCheck(int clientFileCount) {
    registerFolderChanges();
    return db.meta().totalNonemptyFiles() == clientFileCount ? "OK" : "mediaSanity";
  }

  /** Files a client asked for, as a download zip; stops after about 2.5 MB (rslib get_entries_for_download). */
  public byte[] zipForDownload(List<String> names) {
    if (names.size() > MediaZip.MAX_FILES) throw new AnkiException.InvalidInput("too many files requested");
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    for (String name : names) {
      ServerMediaDb.Entry entry = db.entry(name).filter(e -> !e.isDeleted())
          .orElseThrow(() -> new SyncException(SyncException.Kind.CONFLICT, "missing/empty file entry: " + name));
      try {
        files.put(name, Files.readAllBytes(folder.resolve(name)));
      } catch (java.nio.file.NoSuchFileException e) {
        // rslib forget_missing_file: drop the entry rather than propagate a deletion nobody made
        transaction(meta -> {
          db.deleteEntry(name);
          return new ServerMediaDb.Meta(meta.lastUsn(), Math.max(0, meta.totalBytes() - entry.size()),
              Math.max(0, meta.totalNonemptyFiles() - 1));
        });
        throw new SyncException(SyncException.Kind.CONFLICT, "requested a file that doesn't exist: " + name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      total += entry.size();
      if (total > MediaZip.TARGET_ZIP_BYTES) break;
    }
    return MediaZip.forDownload(files);
  }

  /** What {@code uploadChanges} answers: files handled and the usn after them. */
  public record UploadResult(int processed, int currentUsn) {}

  /** Applies a client's upload zip (rslib media_manager/upload.rs process_uploaded_changes). */
  public UploadResult applyUpload(byte[] zip) {
    List<MediaZip.Change> changes = MediaZip.readUpload(zip);
    registerFolderChanges();
    int usn = transaction(meta -> {
      for (MediaZip.Change change : changes) meta = applyChange(meta, change);
      return meta;
    });
    scannedFolderMtime = folderMtime();
    return new UploadResult(changes.size(), usn);
  }

  private ServerMediaDb.Meta applyChange(ServerMediaDb.Meta meta, MediaZip.Change change) {
    ServerMediaDb.Entry existing = db.entry(change.fname()).filter(e -> !e.isDeleted()).orElse(null);
    long now = System.currentTimeMillis() / 1000;
    Path file = folder.resolve(change.fname());
    if (change.isDeletion()) {
      if (existing == null) return meta;
      ServerMediaDb.Meta next = meta.nextUsn();
      db.setEntry(new ServerMediaDb.Entry(existing.fname(), existing.sha1(), 0, next.lastUsn(), now));
      delete(file);
      return new ServerMediaDb.Meta(next.lastUsn(), Math.max(0, meta.totalBytes() - existing.size()),
          Math.max(0, meta.totalNonemptyFiles() - 1));
    }
    byte[] sha1 = MediaFolder.sha1(change.data());
    if (existing != null && Arrays.equals(existing.sha1(), sha1)) return meta;
    ServerMediaDb.Meta next = meta.nextUsn();
    db.setEntry(new ServerMediaDb.Entry(change.fname(), sha1, change.data().length, next.lastUsn(), now));
    write(file, change.data());
    if (existing == null) {
      return new ServerMediaDb.Meta(next.lastUsn(), meta.totalBytes() + change.data().length, meta.totalNonemptyFiles() + 1);
    }
    return new ServerMediaDb.Meta(next.lastUsn(), Math.max(0, meta.totalBytes() - existing.size()) + change.data().length,
        meta.totalNonemptyFiles());
  }

  /**
   * Takes in files added, changed or removed in the folder since the last look (as rslib's client
   * ChangeTracker finds them): each gets a new usn, so clients fetch it.
   */
  public void registerFolderChanges() {
    long mtime = folderMtime();
    if (mtime == scannedFolderMtime) return;
    Map<String, ServerMediaDb.Entry> known = db.presentEntries();
    transaction(meta -> {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path p : (Iterable<Path>) files::iterator) meta = registerFile(meta, p, known.remove(p.getFileName().toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long now = System.currentTimeMillis() / 1000;
      for (ServerMediaDb.Entry gone : known.values()) {
        meta = meta.nextUsn();
        db.setEntry(new ServerMediaDb.Entry(gone.fname(), gone.sha1(), 0, meta.lastUsn(), now));
        meta = new ServerMediaDb.Meta(meta.lastUsn(), Math.max(0, meta.totalBytes() - gone.size()),
            Math.max(0, meta.totalNonemptyFiles() - 1));
      }
      return meta;
    });
    scannedFolderMtime = mtime;
  }

  private ServerMediaDb.Meta registerFile(ServerMediaDb.Meta meta, Path p, ServerMediaDb.Entry entry) throws IOException {
    String name = p.getFileName().toString();
    // a name a client uploaded stays as it is even if this side would not have picked it up
    if (!Files.isRegularFile(p) || (entry == null && !syncable(name))) return meta;
    long size = Files.size(p);
    long mtime = Files.getLastModifiedTime(p).toMillis() / 1000;
    if (size == 0 || size > MediaZip.MAX_FILE_BYTES) return entry == null ? meta : removed(meta, entry);
    if (entry != null && entry.size() == size && mtime <= entry.mtime()) return meta;
    byte[] sha1 = MediaFolder.sha1(Files.readAllBytes(p));
    long now = System.currentTimeMillis() / 1000;
    if (entry != null && Arrays.equals(entry.sha1(), sha1)) {
      db.setEntry(new ServerMediaDb.Entry(name, sha1, size, entry.usn(), now));
      return meta;
    }
    ServerMediaDb.Meta next = meta.nextUsn();
    db.setEntry(new ServerMediaDb.Entry(name, sha1, size, next.lastUsn(), now));
    if (entry == null) return new ServerMediaDb.Meta(next.lastUsn(), meta.totalBytes() + size, meta.totalNonemptyFiles() + 1);
    return new ServerMediaDb.Meta(next.lastUsn(), Math.max(0, meta.totalBytes() - entry.size()) + size,
        meta.totalNonemptyFiles());
  }

  private ServerMediaDb.Meta removed(ServerMediaDb.Meta meta, ServerMediaDb.Entry entry) {
    ServerMediaDb.Meta next = meta.nextUsn();
    db.setEntry(new ServerMediaDb.Entry(entry.fname(), entry.sha1(), 0, next.lastUsn(), System.currentTimeMillis() / 1000));
    return new ServerMediaDb.Meta(next.lastUsn(), Math.max(0, meta.totalBytes() - entry.size()),
        Math.max(0, meta.totalNonemptyFiles() - 1));
  }

  /** rslib ChangeTracker: normalized names only, never Thumbs.db or .DS_Store. */
  static boolean syncable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return MediaNames.isNormalized(name) && !lower.equals("thumbs.db") && !lower.equals(".ds_store");
  }

  private int transaction(java.util.function.UnaryOperator<ServerMediaDb.Meta> work) {
    db.begin();
    try {
      ServerMediaDb.Meta meta = work.apply(db.meta());
      db.setMeta(meta);
      db.commit();
      return meta.lastUsn();
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private long folderMtime() {
    try {
      Files.createDirectories(folder);
      return Files.getLastModifiedTime(folder).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] data) {
    try {
      Files.write(file, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
