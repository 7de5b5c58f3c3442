package ankid.engine.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The flat media folder next to the collection. Every name goes through {@link MediaNames}, so a
 * client-supplied name can never reach outside the folder. The media database is left alone: Anki
 * rescans the folder when its mtime changes (rslib/src/media/mod.rs, {@code register_changes}).
 */
public final class MediaFolder {
  private final Path folder;

  public MediaFolder(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  public Path path() {
    return folder;
  }

  /**
   * Writes a file as Anki's {@code write_data} does: under the normalised name, unless that name
   * holds different content, in which case the file is named {@code stem-<sha1>.ext}. Returns the
   * name used (the existing one when the content is identical).
   */
  public String write(String name, byte[] data) {
    Path file = MediaNames.resolve(folder, name);
    String stored = file.getFileName().toString();
    try {
      Files.createDirectories(folder);
      if (Files.exists(file)) {
        byte[] sha1 = sha1(data);
        if (Arrays.equals(sha1(Files.readAllBytes(file)), sha1)) return stored;
        stored = MediaNames.withHashSuffix(stored, sha1);
        file = MediaNames.resolve(folder, stored);
        if (Files.exists(file)) return stored;
      }
      writeAtomically(file, data);
      return stored;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes through a temporary file in the same folder, then renames it into place, so a reader
   * (or a crash) never sees half a file under the name.
   */
  private static void writeAtomically(Path file, byte[] data) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".ankid-", ".tmp");
    try {
      Files.write(tmp, data);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The file's bytes; empty for a missing file or a name that is not a media file name. */
  public Optional<byte[]> read(String name) {
    try {
      return Optional.of(Files.readAllBytes(MediaNames.resolve(folder, name)));
    } catch (NoSuchFileException | InvalidMediaNameException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's size in bytes; empty for a missing file or a name that is not a media file name. */
  public Optional<Long> size(String name) {
    try {
      return Optional.of(Files.size(MediaNames.resolve(folder, name)));
    } catch (NoSuchFileException | InvalidMediaNameException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves a file to the media trash beside the folder, as Anki removes media
   * (rslib/src/media/files.rs, {@code remove_files}): {@code media.trash/} next to
   * {@code collection.media/}, replacing an older file of the same name there, with its
   * modification time set to now so it can be expired later. A missing file is not an error.
   */
  public void trash(String name) {
    Path file;
    try {
      file = MediaNames.resolve(folder, name);
    } catch (InvalidMediaNameException e) {
      return; // nothing by that name can exist in the folder
    }
    if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try {
      Path trash = trashFolder();
      Files.createDirectories(trash);
      Path target = trash.resolve(file.getFileName().toString());
      Files.move(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } catch (NoSuchFileException e) {
      // removed meanwhile: nothing left to keep
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Anki's media trash: {@code media.trash} beside the media folder (files.rs, {@code trash_folder}). */
  public Path trashFolder() {
    return folder.resolveSibling("media.trash");
  }

  /**
   * Names of files matching a shell glob ({@code *}, {@code ?}, {@code [...]}, {@code [!...]}), in
   * directory order; as with Python's glob, a wildcard never matches a leading dot.
   */
  public List<String> names(String glob) {
    Pattern pattern = globPattern(glob);
    boolean dotFiles = glob.startsWith(".");
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) return out;
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> (dotFiles || !n.startsWith(".")) && pattern.matcher(n).matches())
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Pattern globPattern(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '[' && glob.indexOf(']', i + 2) > 0) {
        int close = glob.indexOf(']', i + 2);
        String body = glob.substring(i + 1, close);
        boolean negate = body.startsWith("!");
        if (negate) body = body.substring(1);
        re.append(negate ? "[^" : "[").append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = close;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  public static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
