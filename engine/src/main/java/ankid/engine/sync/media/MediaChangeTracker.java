package ankid.engine.sync.media;

import ankid.engine.media.MediaFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Brings a client's media database up to date with its folder before a media sync (rslib
 * sync/media/database/client/changetracker.rs): new and changed files await upload, files gone
 * from the folder become pending deletions. Nothing is scanned when the folder's mtime is as
 * last seen.
 */
final class MediaChangeTracker {
  private MediaChangeTracker() {}

  static void registerChanges(Path folder, ClientMediaDb db) {
    db.begin();
    try {
      Files.createDirectories(folder);
      long dirMod = Files.getLastModifiedTime(folder).toMillis();
      ClientMediaDb.Meta meta = db.meta();
      if (dirMod != meta.folderMtime()) {
        Map<String, Long> known = db.mtimes();
        try (Stream<Path> files = Files.list(folder)) {
          for (Path p : (Iterable<Path>) files::iterator) register(db, p, known);
        }
        for (String gone : known.keySet()) db.setEntry(new ClientMediaDb.Entry(gone, null, 0, true));
        db.setMeta(new ClientMediaDb.Meta(dirMod, meta.lastSyncUsn()));
      }
      db.commit();
    } catch (IOException e) {
      db.rollback();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private static void register(ClientMediaDb db, Path p, Map<String, Long> known) throws IOException {
    String name = p.getFileName().toString();
    if (!Files.isRegularFile(p) || !ServerMedia.syncable(name)) return;
    long size = Files.size(p);
    if (size == 0 || size > MediaZip.MAX_FILE_BYTES) return;
    Long previous = known.remove(name);
    long mtime = Files.getLastModifiedTime(p).toMillis() / 1000;
    if (previous != null && previous == mtime) return;
    byte[] sha1 = MediaFolder.sha1(Files.readAllBytes(p));
    boolean syncRequired = true;
    if (previous != null) {
      // touched but unchanged: keep whatever upload state it had
      ClientMediaDb.Entry entry = db.entry(name).orElse(null);
      if (entry != null && Arrays.equals(entry.sha1(), sha1)) syncRequired = entry.syncRequired();
    }
    db.setEntry(new ClientMediaDb.Entry(name, sha1, mtime, syncRequired));
  }
}
