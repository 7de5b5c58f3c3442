package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.storage.InvalidIds;
import ankid.engine.storage.StorageException;
import ankid.engine.study.SchedulerUpgrade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Merges an .apkg (or the collection of a .colpkg) into an open collection as current Anki does
 * (rslib package/apkg/import/mod.rs, {@code import_apkg}): the package's collection is unpacked
 * to a temporary file and opened (upgraded when it is schema 11), then notetypes and notes, decks
 * and presets, cards and reviews are merged in that order in one transaction. Media the imported
 * notes use are staged beside the media folder and moved in only after the commit, so a failure at
 * any point leaves collection and media folder as they were.
 */
final class ApkgImport {
  private ApkgImport() {}

  static ImportLog run(Collection col, Path apkg, ImportOptions options, PackageLimits limits, boolean keepDetails,
      Progress progress) {
    Path temp = createTempDirectory();
    try (PackageArchive archive = PackageArchive.open(apkg, limits)) {
      progress.report("Extracting", 0, 0);
      Path sourceFile = temp.resolve("collection.anki2");
      archive.extractCollection(sourceFile);
      try (Collection source = openSource(sourceFile, col);
          MediaStaging staging = new MediaStaging(col.mediaFolder())) {
        prepareSource(source);
        ImportLog log = source.read(src -> {
          try (ExchangeScope scope = ExchangeScope.wholeCollection(src)) {
            progress.report("Gathering", 0, 0);
            ExchangeData data = ExchangeData.gather(src, options.withScheduling(), options.withDeckConfigs());
            return col.write(c -> merge(c, data, archive, options, staging, keepDetails, progress));
          }
        });
        staging.commit();
        return log;
      }
    } finally {
      TempFiles.deleteTree(temp);
    }
  }

  private static ImportLog merge(Collection col, ExchangeData data, PackageArchive archive, ImportOptions options,
      MediaStaging staging, boolean keepDetails, Progress progress) {
    rememberOptions(col, options);
    MediaUseMap media = MediaUseMap.prepare(archive, col.mediaFolder(), progress);
    List<PackagedMedia> candidates = media.candidates();
    staging.startCopying(archive, candidates);
    NotetypeImport notetypes = new NotetypeImport(col, options);
    notetypes.importNotetypes(data.notetypes);
    NoteImport notes = new NoteImport(col, options, notetypes, media, keepDetails);
    notes.importNotes(data, progress);
    DeckImport decks = new DeckImport(col, data.daysElapsed);
    decks.importDeckConfigs(data.deckConfigs);
    decks.importDecks(data.decks);
    CardImport cards = new CardImport(col, notes, notetypes, decks, data.daysElapsed);
    progress.report("Cards", 0, 0);
    cards.importCards(data);
    cards.importRevlog(data);
    staging.awaitCopies(media.usedEntries(), candidates.size(), progress);
    return notes.log();
  }

  /** rslib {@code import_apkg} stores the choices so the next import dialog starts with them. */
  private static void rememberOptions(Collection col, ImportOptions options) {
    col.config().set("mergeNotetypes", options.mergeNotetypes());
    col.config().set("withScheduling", options.withScheduling());
    col.config().set("withDeckConfigs", options.withDeckConfigs());
    col.config().set("updateNotes", options.updateNotes().ordinal());
    col.config().set("updateNotetypes", options.updateNotetypes().ordinal());
  }

  /** The choices the last import remembered (rslib {@code get_import_anki_package_presets}). */
  static ImportOptions rememberedOptions(Collection col) {
    return new ImportOptions(col.config().getBool("mergeNotetypes", false),
        ImportOptions.UpdateCondition.of(col.config().getLong("updateNotes", 0)),
        ImportOptions.UpdateCondition.of(col.config().getLong("updateNotetypes", 0)),
        col.config().getBool("withScheduling", false), col.config().getBool("withDeckConfigs", false));
  }

  /** The package's collection, opened (and upgraded) as Anki opens it; anything unreadable is corrupt. */
  private static Collection openSource(Path file, Collection target) {
    Collection source;
    try {
      source = Collection.open(file, target.clock());
    } catch (AnkiException | StorageException e) {
      throw PackageException.corrupt("its collection cannot be opened: " + e.getMessage(), e);
    }
    try {
      // Read once, front to back: a small page cache keeps the import's memory down.
      source.db().exec("pragma cache_size = -8192");
      String check = source.db().queryOne("pragma quick_check", rs -> rs.getString(1)).orElse("");
      if (!check.equals("ok")) throw PackageException.corrupt("its collection is damaged: " + check);
      return source;
    } catch (StorageException e) {
      source.close();
      throw PackageException.corrupt("its collection is damaged: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /**
   * rslib {@code gather_from_archive}: ids in the future are renumbered, and v1 scheduling is
   * upgraded when the package has any.
   */
  private static void prepareSource(Collection source) {
    source.write(src -> {
      long now = src.nowMillis();
      long tomorrow = now + 86_400_000L;
      if (InvalidIds.count(src.db(), tomorrow) > 0) {
        InvalidIds.fix(src.db(), tomorrow, now);
        src.markSchemaModified();
      }
      if (src.db().queryLong("select 1 from cards where queue != 0 limit 1", 0) == 1) SchedulerUpgrade.toV2(src);
      return null;
    });
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("ankid-import");
    } catch (IOException e) {
      throw PackageException.io("cannot create a temporary folder", e);
    }
  }
}
