package ankid.server.api;

import ankid.engine.Collection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one place where importPackage and exportPackage turn a client's path into a file. As in
 * AnkiConnect, where Anki runs with the media folder as its working directory, a relative path
 * means a file in the media folder; failures read as Python's {@code OSError} texts AnkiConnect
 * reports. Which paths a client may name at all is the server's {@link PathPolicy} (never the
 * collection or the profile outside its media; on an exposed server only {@code allowedPaths}).
 */
public final class PackagePaths {
  private PackagePaths() {}

  /** A package to read: an existing, readable regular file. */
  static Path forReading(Collection col, String path, PathPolicy policy) {
    Path file = resolve(col, path);
    policy.checkPackageToRead(file, path);
    if (!Files.exists(file)) throw errno(2, "No such file or directory", path);
    if (Files.isDirectory(file)) throw errno(21, "Is a directory", path);
    if (!Files.isReadable(file)) throw errno(13, "Permission denied", path);
    return file;
  }

  /** A package to write: in an existing, writable folder, not a folder itself. */
  static Path forWriting(Collection col, String path, PathPolicy policy) {
    Path file = resolve(col, path);
    policy.check(file, path);
    Path parent = file.getParent();
    if (parent == null || !Files.isDirectory(parent)) throw errno(2, "No such file or directory", path);
    if (Files.isDirectory(file)) throw errno(21, "Is a directory", path);
    if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
      throw errno(13, "Permission denied", path);
    }
    return file;
  }

  /** The file a client's path names, unchecked: for previews, which describe and never touch it. */
  public static Path locate(Collection col, String path) {
    return resolve(col, path);
  }

  private static Path resolve(Collection col, String path) {
    if (path.isEmpty()) throw errno(2, "No such file or directory", path);
    try {
      return col.mediaFolder().toAbsolutePath().resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw new ApiError("embedded null byte");
    }
  }

  private static ApiError errno(int code, String text, String path) {
    return new ApiError("[Errno " + code + "] " + text + ": " + PythonRepr.repr(path));
  }
}
