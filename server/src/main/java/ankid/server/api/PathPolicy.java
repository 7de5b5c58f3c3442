package ankid.server.api;

import ankid.server.Exposure;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for file paths clients send ({@code storeMediaFile.path}, {@code importPackage},
 * {@code exportPackage}, {@code guiImportFile}). As in AnkiConnect, where Anki runs in the media
 * folder, a relative path is a file in the media folder. A path is judged where it really leads,
 * symbolic links followed, and is refused when it lies:
 *
 * <ul>
 *   <li>in the base folder anywhere but a profile's {@code collection.media/} (collections, their
 *       WAL files, backups, the media trash, the config file with the API key), or is the config
 *       file wherever it is: on every server;
 *   <li>outside every folder of {@code allowedPaths}: on an exposed server (none by default), or
 *       wherever {@code allowedPaths} is set.
 * </ul>
 *
 * A loopback server without {@code allowedPaths} otherwise allows any path, as AnkiConnect does.
 */
public final class PathPolicy {
  private final Path base;
  private final Path configFile;
  private final Exposure exposure;

  public PathPolicy(Path base, Path configFile, Exposure exposure) {
    this.base = base.toAbsolutePath().normalize();
    this.configFile = configFile == null ? null : configFile.toAbsolutePath().normalize();
    this.exposure = exposure;
  }

  /** A policy that only keeps clients out of the base folder (a loopback server, no config). */
  public static PathPolicy loopback(Path base) {
    return new PathPolicy(base, null, Exposure.loopback());
  }

  /** The file a client path names, resolved against {@code mediaFolder}, if the policy allows it. */
  public Path resolve(Path mediaFolder, String clientPath) {
    Path file;
    try {
      file = mediaFolder.toAbsolutePath().resolve(clientPath).normalize();
    } catch (InvalidPathException e) {
      throw new ApiError("embedded null byte");
    }
    check(file, clientPath);
    return file;
  }

  /**
   * As {@link #check}, but a package to read may also be one of the profile's own backups
   * ({@code <profile>/backups/*.colpkg}): {@code ankid restore} asks a running server to import
   * one, and reading a backup into the collection hands nothing out.
   */
  public void checkPackageToRead(Path file, String asGiven) {
    Path real = real(file.toAbsolutePath().normalize());
    for (Path root : List.of(base, real(base))) {
      if (!real.startsWith(root)) continue;
      Path rel = root.relativize(real);
      if (rel.getNameCount() == 3 && rel.getName(1).toString().equals("backups")
          && rel.getFileName().toString().endsWith(".colpkg")) {
        return;
      }
    }
    check(file, asGiven);
  }

  /** Refuses a path the policy does not allow, naming the rule. */
  public void check(Path file, String asGiven) {
    Path real = real(file.toAbsolutePath().normalize());
    if (inBaseOutsideMedia(real) || real.equals(real(configFile))) {
      throw new ApiError("permission denied: " + PythonRepr.repr(asGiven)
          + " is in the profile folders, outside collection.media");
    }
    if (exposure.allowedPaths().isEmpty()) return;
    for (Path allowed : exposure.allowedPaths().get()) {
      if (real.startsWith(real(allowed))) return;
    }
    throw new ApiError("permission denied: " + PythonRepr.repr(asGiven)
        + " is not in a folder listed in the server's allowedPaths");
  }

  private boolean inBaseOutsideMedia(Path real) {
    for (Path root : List.of(base, real(base))) {
      if (!real.startsWith(root)) continue;
      Path rel = root.relativize(real);
      return !(rel.getNameCount() >= 3 && rel.getName(1).toString().equals("collection.media"));
    }
    return false;
  }

  /**
   * Where a path really leads: its real path when it exists, else its nearest existing ancestor's
   * real path with the rest appended (a file about to be written).
   */
  private static Path real(Path path) {
    if (path == null) return null;
    List<Path> missing = new ArrayList<>();
    Path p = path;
    while (p != null) {
      try {
        Path real = p.toRealPath();
        for (int i = missing.size() - 1; i >= 0; i--) real = real.resolve(missing.get(i));
        return real.normalize();
      } catch (IOException e) {
        if (p.getFileName() == null) break;
        missing.add(p.getFileName());
        p = p.getParent();
      }
    }
    return path;
  }
}
