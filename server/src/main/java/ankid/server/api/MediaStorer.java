package ankid.server.api;

import ankid.engine.media.MediaFolder;
import ankid.engine.media.MediaNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * AnkiConnect's storeMediaFile: the bytes come from {@code data} (base64), else {@code path} (a file
 * on this host; absolute paths are accepted, so whoever may call the API may read any file the
 * server can read and copy it into the media folder), else {@code url} (http/https only).
 */
final class MediaStorer {
  private final Duration webTimeout;
  private final HttpClient http;

  MediaStorer(int webTimeoutMillis) {
    this.webTimeout = Duration.ofMillis(Math.max(1, webTimeoutMillis));
    this.http = HttpClient.newBuilder().connectTimeout(webTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** The stored name, or null when {@code skipHash} is the MD5 of the bytes. */
  String store(MediaFolder folder, String filename, String data, String path, String url, String skipHash,
      boolean deleteExisting) {
    byte[] bytes;
    if (data != null && !data.isEmpty()) bytes = decodeBase64(data);
    else if (path != null && !path.isEmpty()) bytes = readFile(path);
    else if (url != null && !url.isEmpty()) bytes = download(url);
    else throw new ApiError("You must provide a \"data\", \"path\", or \"url\" field.");
    if (skipHash != null && skipHash.equals(md5(bytes))) return null;
    String name;
    try {
      name = MediaNames.requireSafe(filename);
    } catch (IllegalArgumentException e) {
      throw new ApiError(e.getMessage());
    }
    if (deleteExisting) folder.delete(name);
    return folder.write(name, bytes);
  }

  /** Python's lenient b64decode: characters outside the alphabet are dropped, padding is required. */
  static byte[] decodeBase64(String data) {
    StringBuilder clean = new StringBuilder(data.length());
    for (char c : data.toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
          || c == '=') {
        clean.append(c);
      }
    }
    int pad = clean.indexOf("=");
    int dataChars = pad < 0 ? clean.length() : pad;
    if (dataChars % 4 == 1) {
      throw new ApiError("Invalid base64-encoded string: number of data characters (" + dataChars
          + ") cannot be 1 more than a multiple of 4");
    }
    int needed = (4 - dataChars % 4) % 4;
    int present = 0;
    while (pad >= 0 && pad + present < clean.length() && clean.charAt(pad + present) == '=') present++;
    if (present < needed) throw new ApiError("Incorrect padding");
    try {
      return Base64.getDecoder().decode(clean.substring(0, dataChars + needed));
    } catch (IllegalArgumentException e) {
      throw new ApiError("Incorrect padding");
    }
  }

  private static byte[] readFile(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (NoSuchFileException e) {
      throw new ApiError("[Errno 2] No such file or directory: " + PythonRepr.repr(path));
    } catch (IOException | RuntimeException e) {
      throw new ApiError(String.valueOf(e.getMessage()));
    }
  }

  private byte[] download(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ApiError("unknown url type: " + PythonRepr.repr(url));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ApiError("unknown url type: " + PythonRepr.repr(url));
    }
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(webTimeout)
          .header("User-Agent", "AnkiConnect").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new ApiError(url + " download failed with return code " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new ApiError(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError("download interrupted");
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
