package ankid.engine.packages;

import ankid.engine.Progress;
import ankid.engine.media.InvalidMediaNameException;
import ankid.engine.media.MediaNames;
import ankid.engine.media.MediaRefs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package's media as an import sees them (rslib import/media.rs, {@code MediaUseMap} and
 * {@code prepare_media}): a file whose name is taken here by different content is renamed
 * {@code name-<sha1>.ext}; one whose identical copy is already here is not needed; the rest wait
 * to be used by an imported note. Static files ({@code _x}, {@code latex-…}) are copied only when
 * no file of their name exists, used or not.
 */
final class MediaUseMap {
  /** Original normalised name → the entry (possibly renamed) and whether an imported note uses it. */
  private final Map<String, Checked> checked = new LinkedHashMap<>();
  private final List<PackagedMedia> unchecked = new ArrayList<>();

  private static final class Checked {
    final PackagedMedia entry;
    boolean used;

    Checked(PackagedMedia entry) {
      this.entry = entry;
    }
  }

  static MediaUseMap prepare(PackageArchive archive, Path mediaFolder, Progress progress) {
    MediaUseMap map = new MediaUseMap();
    List<PackagedMedia> entries = archive.mediaEntries();
    int done = 0;
    for (PackagedMedia entry : entries) {
      progress.report("Checking media", ++done, entries.size());
      Path existing = mediaFolder.resolve(entry.name());
      boolean exists = Files.isRegularFile(existing);
      if (entry.isStatic()) {
        if (!exists) map.unchecked.add(entry);
      } else if (exists) {
        PackagedMedia hashed = entry.sha1() != null ? entry : entry.withSha1(sha1(archive, entry));
        if (!Arrays.equals(hashed.sha1(), fileSha1(existing))) {
          map.checked.put(entry.name(), new Checked(hashed.withName(MediaNames.withHashSuffix(entry.name(), hashed.sha1()))));
        }
      } else {
        map.checked.put(entry.name(), new Checked(entry));
      }
    }
    return map;
  }

  /**
   * rslib import/notes.rs {@code replace_media_refs}: references to packaged files are marked used
   * and point at the name the file gets here; other references are normalised as Anki names files.
   */
  String rewriteReferences(String field) {
    return MediaRefs.replace(field, name -> {
      String normalized;
      try {
        normalized = MediaNames.requireSafe(name);
      } catch (InvalidMediaNameException e) {
        return null;
      }
      Checked c = checked.get(normalized);
      if (c != null) {
        c.used = true;
        return c.entry.name().equals(name) ? null : c.entry.name();
      }
      return normalized.equals(name) ? null : normalized;
    });
  }

  /**
   * Every file an import may copy, before the notes tell which are used: the imported notes
   * usually use nearly all of them, so they are copied while the notes are written and the few
   * unused ones deleted afterwards.
   */
  List<PackagedMedia> candidates() {
    List<PackagedMedia> out = new ArrayList<>(checked.size() + unchecked.size());
    for (Checked c : checked.values()) out.add(c.entry);
    out.addAll(unchecked);
    return out;
  }

  /** The files to copy: used ones and the static ones missing here. */
  Set<PackagedMedia> usedEntries() {
    Set<PackagedMedia> out = new LinkedHashSet<>();
    for (Checked c : checked.values()) if (c.used) out.add(c.entry);
    out.addAll(unchecked);
    return out;
  }

  private static byte[] sha1(PackageArchive archive, PackagedMedia entry) {
    try (InputStream in = archive.openMedia(entry)) {
      return digest(in);
    } catch (IOException e) {
      throw PackageArchive.damaged(entry.zipEntry(), e);
    }
  }

  private static byte[] fileSha1(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return digest(in);
    } catch (IOException e) {
      throw PackageException.io("cannot read " + file, e);
    }
  }

  static byte[] digest(InputStream in) throws IOException {
    MessageDigest sha1 = PackageWriter.sha1();
    byte[] buf = new byte[64 * 1024];
    int n;
    while ((n = in.read(buf)) > 0) sha1.update(buf, 0, n);
    return sha1.digest();
  }

}
