package ankid.engine.packages;

import java.nio.file.Path;

/** What an export wrote: the file, its size, and how many notes, cards and media files it holds. */
public record ExportReport(Path path, long bytes, long notes, long cards, long mediaFiles, PackageVersion version) {
  public String summary() {
    return "exported " + notes + (notes == 1 ? " note" : " notes") + ", " + cards + (cards == 1 ? " card" : " cards")
        + " and " + mediaFiles + " media " + (mediaFiles == 1 ? "file" : "files") + " to " + path + " (" + bytes
        + " bytes)";
  }
}
