package ankid.server.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The page's own files (HTML, CSS, ES modules) from the jar's {@code ankid/webui/} resources. */
final class StaticFiles {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(/[a-z0-9_-]+)*\\.(html|css|js|svg)");
  private final ConcurrentHashMap<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  /** The file, or empty; only plain lower-case names under the folder, never {@code ..}. */
  Optional<byte[]> get(String name) {
    if (!NAME.matcher(name).matches()) return Optional.empty();
    return cache.computeIfAbsent(name, n -> {
      try (InputStream in = StaticFiles.class.getResourceAsStream("/ankid/webui/" + n)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static String contentType(String name) {
    if (name.endsWith(".html")) return "text/html; charset=utf-8";
    if (name.endsWith(".css")) return "text/css; charset=utf-8";
    if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
    return "image/svg+xml";
  }
}
