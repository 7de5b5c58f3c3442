package ankid.engine.sync.media;

import ankid.engine.Progress;
import ankid.engine.media.MediaFolder;
import ankid.engine.media.MediaNames;
import ankid.engine.sync.SyncException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client's media sync (rslib sync/media/syncer.rs {@code MediaSyncer}): take in the folder's
 * changes, fetch the server's changes since the last sync (downloading and deleting files), upload
 * ours 25 files at a time, then compare file counts.
 */
public final class MediaSyncer {
  private final Path folder;
  private final ClientMediaDb db;
  private final MediaSyncServerApi server;
  private final Progress progress;
  private int downloadedFiles, downloadedDeletions, uploadedFiles, uploadedDeletions;

  public MediaSyncer(Path folder, ClientMediaDb db, MediaSyncServerApi server, Progress progress) {
    this.folder = folder;
    this.db = db;
    this.server = server;
    this.progress = progress;
  }

  public void sync() {
    MediaChangeTracker.registerChanges(folder, db);
    int clientUsn = db.meta().lastSyncUsn();
    int serverUsn = server.begin();
    boolean acted = false;
    if (clientUsn != serverUsn) {
      fetchChanges(clientUsn);
      acted = true;
    }
    if (!db.pendingUploads(1).isEmpty()) {
      sendChanges();
      acted = true;
    }
    if (acted) finish();
  }

  private void fetchChanges(int lastUsn) {
    while (true) {
      List<MediaChange> batch = server.mediaChanges(lastUsn);
      if (batch.isEmpty()) return;
      lastUsn = batch.get(batch.size() - 1).usn();
      List<String> download = new ArrayList<>();
      List<String> delete = new ArrayList<>();
      List<String> clean = new ArrayList<>();
      for (MediaChange change : batch) {
        switch (requiredChange(change)) {
          case DOWNLOAD -> download.add(change.fname());
          case DELETE -> delete.add(change.fname());
          case REMOVE_PENDING -> clean.add(change.fname());
          case NONE -> {}
        }
      }
      for (String name : delete) moveToTrash(name);
      downloadedDeletions += delete.size();
      List<ClientMediaDb.Entry> added = new ArrayList<>();
      while (!download.isEmpty()) {
        List<String> ask = download.subList(0, Math.min(MediaZip.MAX_FILES, download.size()));
        Map<String, byte[]> files = MediaZip.readDownload(server.downloadFiles(new ArrayList<>(ask)));
        if (files.isEmpty()) throw new SyncException(SyncException.Kind.OTHER, "the server sent no media files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) added.addAll(write(f.getKey(), f.getValue()));
        download = new ArrayList<>(download.subList(files.size(), download.size()));
        downloadedFiles += files.size();
        report();
      }
      int usn = lastUsn;
      transaction(() -> {
        for (String name : clean) db.entry(name).filter(ClientMediaDb.Entry::syncRequired)
            .ifPresent(e -> db.setEntry(new ClientMediaDb.Entry(e.fname(), e.sha1(), e.mtime(), false)));
        for (String name : delete) db.removeEntry(name);
        for (ClientMediaDb.Entry e : added) db.setEntry(e);
        db.setMeta(new ClientMediaDb.Meta(folderMtime(), usn));
      });
      report();
    }
  }

  private enum Required { NONE, DOWNLOAD, DELETE, REMOVE_PENDING }

  /** rslib sync/media/changes.rs determine_required_change. */
  private Required requiredChange(MediaChange remote) {
    ClientMediaDb.Entry local = db.entry(remote.fname()).orElse(null);
    String localSha1 = local == null ? "" : local.sha1Hex();
    boolean pending = local != null && local.syncRequired();
    if (localSha1.isEmpty() && remote.isDeletion()) return local == null ? Required.NONE : Required.DELETE;
    if (localSha1.isEmpty()) return Required.DOWNLOAD;
    if (remote.isDeletion()) return pending ? Required.NONE : Required.DELETE;
    if (localSha1.equals(remote.sha1())) return pending ? Required.REMOVE_PENDING : Required.NONE;
    return Required.DOWNLOAD;
  }

  /**
   * rslib media/files.rs add_file_from_ankiweb: a name that is not normalized is stored under a
   * normalized one, the original recorded as deleted, both to be uploaded.
   */
  private List<ClientMediaDb.Entry> write(String name, byte[] data) {
    byte[] sha1 = MediaFolder.sha1(data);
    try {
      if (MediaNames.isNormalized(name)) {
        Path file = MediaNames.resolve(folder, name);
        Files.write(file, data);
        return List.of(new ClientMediaDb.Entry(name, sha1, mtime(file), false));
      }
      String stored = new MediaFolder(folder).write(name, data);
      return List.of(new ClientMediaDb.Entry(name, null, 0, true),
          new ClientMediaDb.Entry(stored, sha1, mtime(MediaNames.resolve(folder, stored)), true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sendChanges() {
    while (true) {
      List<ClientMediaDb.Entry> pending = db.pendingUploads(MediaZip.MAX_FILES);
      if (pending.isEmpty()) return;
      List<MediaZip.Change> changes = gather(pending);
      if (changes == null) continue;
      ServerMedia.UploadResult reply = server.uploadChanges(MediaZip.forUpload(changes));
      List<ClientMediaDb.Entry> processed = pending.subList(0, Math.min(reply.processed(), pending.size()));
      for (ClientMediaDb.Entry e : processed) {
        if (e.sha1() == null) uploadedDeletions++;
        else uploadedFiles++;
      }
      transaction(() -> {
        for (ClientMediaDb.Entry e : processed) {
          db.entry(e.fname()).filter(ClientMediaDb.Entry::syncRequired)
              .ifPresent(x -> db.setEntry(new ClientMediaDb.Entry(x.fname(), x.sha1(), x.mtime(), false)));
        }
        ClientMediaDb.Meta meta = db.meta();
        // rslib: only when the server took exactly ours is its usn ours too
        if (meta.lastSyncUsn() + processed.size() == reply.currentUsn()) {
          db.setMeta(new ClientMediaDb.Meta(meta.folderMtime(), reply.currentUsn()));
        }
      });
      report();
    }
  }

  /**
   * The next upload (rslib upload.rs gather_zip_data_for_upload): files until about 2.5 MB, and
   * deletions. Entries whose file is missing, empty, too large or badly named are forgotten, and
   * null is returned to start the batch again.
   */
  private List<MediaZip.Change> gather(List<ClientMediaDb.Entry> pending) {
    List<String> invalid = new ArrayList<>();
    List<MediaZip.Change> out = new ArrayList<>();
    long size = 0;
    for (ClientMediaDb.Entry e : pending) {
      if (size > MediaZip.TARGET_ZIP_BYTES) break;
      if (e.sha1() == null) {
        out.add(new MediaZip.Change(e.fname(), null));
        continue;
      }
      byte[] data;
      try {
        data = Files.readAllBytes(folder.resolve(e.fname()));
      } catch (IOException | RuntimeException ex) {
        invalid.add(e.fname());
        continue;
      }
      if (!MediaNames.isNormalized(e.fname()) || data.length == 0 || data.length > MediaZip.MAX_FILE_BYTES) {
        invalid.add(e.fname());
        continue;
      }
      size += data.length;
      out.add(new MediaZip.Change(e.fname(), data));
    }
    if (invalid.isEmpty()) return out;
    transaction(() -> invalid.forEach(db::removeEntry));
    return null;
  }

  private void finish() {
    if (!server.mediaSanity(db.count()).equals("OK")) {
      transaction(db::forceResync);
      throw new SyncException(SyncException.Kind.RESYNC_REQUIRED, "Please sync again: the media on both sides differ.");
    }
  }

  /** rslib media/files.rs remove_files: deleted files go to a trash folder beside the media folder. */
  private void moveToTrash(String name) {
    try {
      Path file = MediaNames.resolve(folder, name);
      if (!Files.exists(file)) return;
      Path trash = folder.toAbsolutePath().getParent().resolve("media.trash");
      Files.createDirectories(trash);
      Files.move(file, trash.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // a name that could never be a file here is simply gone
    }
  }

  private void transaction(Runnable work) {
    db.begin();
    try {
      work.run();
      db.commit();
    } catch (RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private long folderMtime() {
    try {
      return Files.getLastModifiedTime(folder).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long mtime(Path file) throws IOException {
    return Files.getLastModifiedTime(file).toMillis() / 1000;
  }

  /** Media files moved so far (rslib sync/media/progress.rs counts these). */
  private void report() {
    progress.report("media", downloadedFiles + downloadedDeletions + uploadedFiles + uploadedDeletions, 0);
  }
}
