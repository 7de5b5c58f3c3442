package ankid.server.api;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.deck.Deck;
import ankid.engine.packages.ExportOptions;
import ankid.engine.packages.ExportReport;
import ankid.engine.packages.ImportLog;
import ankid.engine.packages.ImportOptions;
import ankid.engine.packages.Packages;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * importPackage and exportPackage (AnkiConnect plugin/__init__.py). Both accept one more parameter
 * AnkiConnect clients never send, {@code options} (see {@link PackageOptions}), through which
 * {@code ankid import}/{@code ankid export} reach a running server; with it the result is a report
 * instead of {@code true}.
 */
public final class PackageActions {
  private final Profiles profiles;
  private final PathPolicy paths;

  public PackageActions(Profiles profiles, PathPolicy paths) {
    this.profiles = profiles;
    this.paths = paths;
  }

  /**
   * Merges the package into the collection as current Anki's importer does. AnkiConnect's legacy
   * importer always brought the package's scheduling and presets, so this does too.
   */
  @Action(effect = Effect.DESTRUCTIVE)
  public Object importPackage(@Param("path") String path, @Param(value = "options", dflt = "null") JsonNode options) {
    Collection col = profiles.collection();
    if (options == null || options.isNull()) {
      Packages.importApkg(col, PackagePaths.forReading(col, path, paths), ImportOptions.ANKICONNECT, Progress.NONE);
      return true;
    }
    PackageOptions.Import opts = PackageOptions.forImport(options, Packages.rememberedImportOptions(col));
    Path file = PackagePaths.forReading(col, path, paths);
    if (opts.replaceCollection()) return PackageReports.replaced(profiles.replaceCollection(file, Progress.NONE));
    return PackageReports.imported(Packages.importApkg(col, file, opts.options(), Progress.NONE));
  }

  /**
   * Writes the deck (with its subdecks) as an .apkg with its media; false when there is no such
   * deck. With {@code options}, {@code deck} may be null for the whole collection.
   */
  @Action(effect = Effect.MODIFYING)
  public Object exportPackage(@Param("deck") JsonNode deck, @Param("path") String path,
      @Param(value = "includeSched", dflt = "false") JsonNode includeSched,
      @Param(value = "options", dflt = "null") JsonNode options) {
    Collection col = profiles.collection();
    boolean scheduling = PythonValues.truthy(includeSched);
    boolean extended = options != null && !options.isNull();
    PackageOptions.Export opts = extended ? PackageOptions.forExport(options, scheduling) : null;
    boolean wholeCollection = deck == null || deck.isNull();
    if (wholeCollection && !extended) throw new ApiError("exportPackage: 'deck' must not be None");
    Long deckId = null;
    if (!wholeCollection) {
      String name = PythonRepr.str(deck);
      Optional<Deck> found = col.read(c -> c.decks().byName(name));
      if (found.isEmpty()) return false;
      deckId = found.get().id();
    }
    Path file = PackagePaths.forWriting(col, path, paths);
    if (!extended) {
      Packages.exportApkg(col, file, new ExportOptions(deckId, scheduling, scheduling, true, false), Progress.NONE);
      return true;
    }
    ExportReport report = opts.colpkg()
        ? Packages.exportColpkg(col, file, opts.withMedia(), opts.legacy(), Progress.NONE)
        : Packages.exportApkg(col, file,
            new ExportOptions(deckId, scheduling, opts.withDeckConfigs(), opts.withMedia(), opts.legacy()),
            Progress.NONE);
    return PackageReports.exported(report);
  }

  /** The reports the ankid-only {@code options} ask for. */
  static final class PackageReports {
    private PackageReports() {}

    static Map<String, Object> imported(ImportLog log) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("foundNotes", log.foundNotes());
      out.put("new", log.added());
      out.put("updated", log.updated());
      out.put("duplicate", log.duplicate());
      out.put("conflicting", log.conflicting());
      out.put("summary", log.summary());
      return out;
    }

    static Map<String, Object> replaced(Profiles.Replaced r) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("replaced", true);
      out.put("notes", r.notes());
      out.put("mediaFiles", r.mediaFiles());
      out.put("backup", r.backup().toString());
      out.put("summary", r.summary());
      return out;
    }

    static Map<String, Object> exported(ExportReport r) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("path", r.path().toString());
      out.put("bytes", r.bytes());
      out.put("notes", r.notes());
      out.put("cards", r.cards());
      out.put("mediaFiles", r.mediaFiles());
      out.put("version", r.version().number());
      out.put("summary", r.summary());
      return out;
    }
  }
}
