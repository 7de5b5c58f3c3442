package ankid.server.gate;

import static ankid.server.gate.Facts.kilobytes;
import static ankid.server.gate.Facts.quote;

import ankid.server.api.ApiError;
import ankid.server.api.PackagePaths;
import ankid.server.api.PythonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Previews of importPackage and exportPackage. Both touch files (an import moves media into the
 * folder only after its transaction commits, which a rolled-back run cannot undo), so they are
 * described from their parameters: which file, how big, and what happens to the collection.
 */
final class PackagePreviews {
  private PackagePreviews() {}

  static void register(Previews p) {
    p.outside("importPackage", new Previewer() {
      @Override
      public String intent(Facts f) {
        String path = f.arg("path");
        String file = "package " + quote(path) + size(f, path).map(b -> " (" + kilobytes(b) + ")").orElse(" (no such file)");
        if (option(f, "replaceCollection")) {
          return "replace the whole collection and its media with the collection " + file
              + "; the current collection is first backed up into the profile's backups folder";
        }
        return "import " + file + ": its notes, cards, decks, notetypes and media are merged into the collection,"
            + " and notes already here are updated where the package's are newer";
      }

      @Override
      public void details(Facts f, ObjectNode out) {
        file(f, out);
      }
    });
    p.outside("exportPackage", new Previewer() {
      @Override
      public String intent(Facts f) {
        JsonNode deck = f.arg("deck");
        String path = f.arg("path");
        boolean whole = deck == null || deck.isNull();
        String what;
        if (whole) {
          what = "the whole collection";
        } else {
          String name = deck.isTextual() ? deck.asText() : deck.toString();
          if (f.col() != null && f.col().read(c -> c.decks().byName(name)).isEmpty()) {
            return "export deck " + quote(name) + " (there is no such deck: nothing is written)";
          }
          what = "deck " + quote(name) + " and its subdecks";
        }
        boolean sched = PythonValues.truthy(f.arg("includeSched"));
        String replace = size(f, path).isPresent() ? ", replacing the file there" : "";
        return "export " + what + (sched ? " with scheduling" : "") + " to package " + quote(path) + replace;
      }

      @Override
      public void details(Facts f, ObjectNode out) {
        file(f, out);
      }
    });
  }

  private static boolean option(Facts f, String name) {
    JsonNode options = f.arg("options");
    return options != null && options.path(name).asBoolean(false);
  }

  private static Optional<Path> locate(Facts f, String path) {
    if (f.col() == null || path == null) return Optional.empty();
    try {
      return Optional.of(PackagePaths.locate(f.col(), path));
    } catch (ApiError e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> size(Facts f, String path) {
    return locate(f, path).filter(Files::isRegularFile).flatMap(file -> {
      try {
        return Optional.of(Files.size(file));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  private static void file(Facts f, ObjectNode out) {
    String path = f.arg("path");
    ObjectNode file = out.putObject("file");
    locate(f, path).ifPresentOrElse(p -> file.put("path", p.toString()), () -> file.put("path", path));
    Optional<Long> bytes = size(f, path);
    if (bytes.isPresent()) file.put("bytes", bytes.get());
    else file.put("exists", false);
  }
}
