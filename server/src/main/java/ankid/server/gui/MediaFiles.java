package ankid.server.gui;

import ankid.engine.media.InvalidMediaNameException;
import ankid.engine.media.MediaNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.MimeTypes;

/**
 * Files of the profile's media folder for the cards shown: only a plain name directly inside the
 * folder (no separators, no {@code ..}, no link leading out of it), with its content type.
 */
final class MediaFiles {
  private static final MimeTypes.Mutable TYPES = new MimeTypes.Mutable(MimeTypes.DEFAULTS);

  static {
    // audio and video Anki plays that Jetty's table lacks or names generically
    TYPES.addMimeMapping("ogg", "audio/ogg");
    TYPES.addMimeMapping("oga", "audio/ogg");
    TYPES.addMimeMapping("opus", "audio/ogg");
    TYPES.addMimeMapping("spx", "audio/ogg");
    TYPES.addMimeMapping("webm", "video/webm");
    TYPES.addMimeMapping("m4a", "audio/mp4");
    TYPES.addMimeMapping("aac", "audio/aac");
    TYPES.addMimeMapping("flac", "audio/flac");
    TYPES.addMimeMapping("wav", "audio/wav");
    TYPES.addMimeMapping("mkv", "video/x-matroska");
    TYPES.addMimeMapping("ogv", "video/ogg");
  }

  private MediaFiles() {}

  /** The file inside {@code folder} for a requested name, or empty when there is none or it would leave the folder. */
  static Optional<Path> find(Path folder, String name) {
    try {
      Path file = MediaNames.resolve(folder, name);
      if (!Files.isRegularFile(file)) return Optional.empty();
      Path realFolder = folder.toRealPath();
      Path real = file.toRealPath();
      return realFolder.equals(real.getParent()) ? Optional.of(real) : Optional.empty();
    } catch (InvalidMediaNameException | IOException e) {
      return Optional.empty();
    }
  }

  static String contentType(String name) {
    String type = TYPES.getMimeByExtension(name.toLowerCase(java.util.Locale.ROOT));
    return type != null ? type : "application/octet-stream";
  }
}
