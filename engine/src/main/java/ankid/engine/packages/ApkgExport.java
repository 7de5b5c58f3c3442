package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.deck.Deck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes an .apkg as current Anki does (rslib package/apkg/export.rs, {@code export_apkg}): the
 * exchanged notes and what they need go into a fresh collection file (while the collection is
 * locked), then that file, the decoy and the media the notes use are zipped (without holding the
 * collection) to a temporary file renamed over the destination at the end.
 */
final class ApkgExport {
  /** {@code errors-please-check-media}: Anki refuses to export files with names it would not write. */
  static final String CHECK_MEDIA = "Please use the Check Media action, then try again.";

  private ApkgExport() {}

  private record Gathered(long notes, long cards, Set<String> media) {}

  static ExportReport run(Collection col, Path out, ExportOptions options, Progress progress) {
    PackageVersion version = options.legacy() ? PackageVersion.LEGACY_2 : PackageVersion.LATEST;
    Path temp = PackageFiles.createTempDirectory("ankid-export");
    try {
      Path collection = temp.resolve("collection.anki2");
      Gathered gathered = col.read(c -> {
        try (ExchangeScope scope = scope(c, options.deckId())) {
          progress.report("Gathering", 0, 0);
          ExchangeData data = ExchangeData.gather(c, options.withScheduling(), options.withDeckConfigs());
          data.checkIds(c.nowMillis());
          Set<String> media = options.withMedia() ? data.mediaNames(progress) : Set.of();
          ExportCollection.write(c, data, collection, version, progress);
          return new Gathered(data.noteCount, data.cardCount, media);
        }
      });
      progress.report("Packing", 0, 0);
      byte[] dummy = DummyCollection.bytes(col.clock());
      int[] mediaFiles = {0};
      PackageFiles.writeAtomically(out, zip -> {
        try (PackageWriter writer = new PackageWriter(zip, version)) {
          writer.writeMeta();
          writer.writeCollection(collection);
          writer.writeDummy(dummy);
          writeMedia(writer, col.mediaFolder(), gathered.media(), version.zstdCompressed(), progress);
          writer.finish();
          mediaFiles[0] = writer.mediaCount();
        }
        return null;
      });
      return new ExportReport(out, size(out), gathered.notes(), gathered.cards(), mediaFiles[0], version);
    } finally {
      TempFiles.deleteTree(temp);
    }
  }

  private static ExchangeScope scope(Collection col, Long deckId) {
    if (deckId == null) return ExchangeScope.wholeCollection(col);
    Deck deck = col.decks().get(deckId).orElseThrow(() -> new AnkiException.NotFound("No such deck: '" + deckId + "'"));
    return ExchangeScope.decks(col, col.decks().withDescendants(deck).stream().map(Deck::id).toList());
  }

  /** The media files among {@code names} that exist, prepared on a worker and written in order. */
  static void writeMedia(PackageWriter writer, Path folder, Iterable<String> names, boolean compress,
      Progress progress) throws IOException {
    int done = 0;
    try (MediaPipeline pipeline = new MediaPipeline(folder, names, compress)) {
      for (MediaPipeline.Prepared p = pipeline.next(); p != null; p = pipeline.next()) {
        writer.addMedia(p);
        pipeline.written(p);
        progress.report("Media", ++done, 0);
      }
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  static List<String> folderNames(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    try (var files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
    } catch (IOException e) {
      throw PackageException.io("cannot list " + folder, e);
    }
  }
}
