package ankid.server.api;

import ankid.engine.media.MediaFolder;
import ankid.engine.media.MediaNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AnkiConnect's storeMediaFile: the bytes come from {@code data} (base64), else {@code path} (a file
 * on this host, as the {@link PathPolicy} allows), else {@code url} (fetched by
 * {@link MediaDownloads}, before the request took the collection's lock).
 */
final class MediaStorer {
  private final MediaDownloads downloads;
  private final PathPolicy paths;

  MediaStorer(MediaDownloads downloads, PathPolicy paths) {
    this.downloads = downloads;
    this.paths = paths;
  }

  /** The stored name, or null when {@code skipHash} is the MD5 of the bytes. */
  String store(MediaFolder folder, String filename, String data, String path, String url, String skipHash,
      boolean deleteExisting) {
    byte[] bytes;
    if (data != null && !data.isEmpty()) bytes = decodeBase64(data);
    else if (path != null && !path.isEmpty()) bytes = readFile(folder, path);
    else if (url != null && !url.isEmpty()) bytes = downloads.download(url);
    else throw new ApiError("You must provide a \"data\", \"path\", or \"url\" field.");
    if (skipHash != null && skipHash.equals(md5(bytes))) return null;
    String name;
    try {
      name = MediaNames.requireSafe(filename);
    } catch (IllegalArgumentException e) {
      throw new ApiError(e.getMessage());
    }
    // Anki keeps the replaced file in its media trash (plugin/__init__.py, storeMediaFile: deleteExisting)
    if (deleteExisting) folder.trash(name);
    return folder.write(name, bytes);
  }

  /**
   * Python's lenient b64decode: characters outside the alphabet are dropped, padding is required.
   * Works on one byte array (a 100 MB file arrives as 133 MB of text, so copies count).
   */
  static byte[] decodeBase64(String data) {
    byte[] clean = new byte[data.length()];
    int length = 0;
    int pad = -1;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
          || c == '=') {
        if (c == '=' && pad < 0) pad = length;
        clean[length++] = (byte) c;
      }
    }
    int dataChars = pad < 0 ? length : pad;
    if (dataChars % 4 == 1) {
      throw new ApiError("Invalid base64-encoded string: number of data characters (" + dataChars
          + ") cannot be 1 more than a multiple of 4");
    }
    int needed = (4 - dataChars % 4) % 4;
    int present = 0;
    while (pad >= 0 && pad + present < length && clean[pad + present] == '=') present++;
    if (present < needed) throw new ApiError("Incorrect padding");
    try {
      java.nio.ByteBuffer decoded = Base64.getDecoder().decode(java.nio.ByteBuffer.wrap(clean, 0, dataChars + needed));
      byte[] out = new byte[decoded.remaining()];
      decoded.get(out);
      return out;
    } catch (IllegalArgumentException e) {
      throw new ApiError("Incorrect padding");
    }
  }

  private byte[] readFile(MediaFolder folder, String path) {
    try {
      return Files.readAllBytes(paths.resolve(folder.path(), path));
    } catch (NoSuchFileException e) {
      throw new ApiError("[Errno 2] No such file or directory: " + PythonRepr.repr(path));
    } catch (IOException | RuntimeException e) {
      throw new ApiError(String.valueOf(e.getMessage()));
    }
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
