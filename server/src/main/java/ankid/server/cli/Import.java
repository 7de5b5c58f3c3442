package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.packages.ImportOptions;
import ankid.engine.packages.Packages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ankid import FILE}: an .apkg is merged into the profile's collection as Anki's importer
 * merges it; a .colpkg (or {@code collection.apkg}, {@code backup-*.apkg}) replaces the whole
 * collection after a backup into the profile's {@code backups/} folder, as Anki desktop does.
 * Options not given take the values the last import used. Through a running server when one
 * holds the collection.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import an .apkg into the collection, or replace the collection with a .colpkg.")
public final class Import implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  ProfileOptions options;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The .apkg or .colpkg to import")
  Path file;

  @Option(names = "--with-scheduling", negatable = true,
      description = "Take the package's card states and review history (default: as the last import)")
  Boolean withScheduling;

  @Option(names = "--with-deck-presets", negatable = true,
      description = "Take the presets of the package's decks (default: as the last import)")
  Boolean withDeckPresets;

  @Option(names = "--merge-notetypes", negatable = true,
      description = "Merge changed note types instead of copying them (default: as the last import)")
  Boolean mergeNotetypes;

  @Option(names = "--update-notes", paramLabel = "WHEN",
      description = "Update existing notes: if-newer, always or never (default: as the last import)")
  String updateNotes;

  @Option(names = "--update-notetypes", paramLabel = "WHEN",
      description = "Update existing note types: if-newer, always or never (default: as the last import)")
  String updateNotetypes;

  @Option(names = "--merge", description = "Merge a collection package into the collection instead of replacing it")
  boolean merge;

  @Override
  public Integer call() throws Exception {
    Path pkg = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(pkg)) throw new CliFailure(ExitCodes.FAILED, "no such file: " + file);
    ImportOptions.UpdateCondition notes = condition("--update-notes", updateNotes);
    ImportOptions.UpdateCondition notetypes = condition("--update-notetypes", updateNotetypes);
    boolean replace = Packages.isCollectionPackage(pkg) && !merge;
    Progress progress = Progress.forThisProcess();
    String summary;
    try (CollectionTarget target = CollectionTarget.open(options, true)) {
      if (target instanceof CollectionTarget.Local local) {
        summary = replace
            ? local.profiles().replaceCollection(pkg, progress).summary()
            : Packages.importApkg(local.collection(), pkg, importOptions(local.collection(), notes, notetypes),
                progress).summary();
      } else {
        summary = remote((CollectionTarget.Remote) target, pkg, replace, notes, notetypes);
      }
    } catch (AnkiException e) {
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    } finally {
      progress.done();
    }
    spec.commandLine().getOut().println(file + ": " + summary);
    return ExitCodes.OK;
  }

  private ImportOptions importOptions(Collection col, ImportOptions.UpdateCondition notes,
      ImportOptions.UpdateCondition notetypes) {
    ImportOptions o = Packages.rememberedImportOptions(col);
    if (withScheduling != null) o = o.withScheduling(withScheduling);
    if (withDeckPresets != null) o = o.withDeckConfigs(withDeckPresets);
    if (mergeNotetypes != null) o = o.withMergeNotetypes(mergeNotetypes);
    if (notes != null) o = o.withUpdateNotes(notes);
    if (notetypes != null) o = o.withUpdateNotetypes(notetypes);
    return o;
  }

  /** importPackage with ankid's {@code options} (only what was given; the server fills in the rest). */
  private String remote(CollectionTarget.Remote remote, Path pkg, boolean replace, ImportOptions.UpdateCondition notes,
      ImportOptions.UpdateCondition notetypes) throws IOException, InterruptedException {
    ObjectNode opts = JSON.createObjectNode();
    if (replace) opts.put("replaceCollection", true);
    if (withScheduling != null) opts.put("withScheduling", withScheduling);
    if (withDeckPresets != null) opts.put("withDeckConfigs", withDeckPresets);
    if (mergeNotetypes != null) opts.put("mergeNotetypes", mergeNotetypes);
    if (notes != null) opts.put("updateNotes", wire(notes));
    if (notetypes != null) opts.put("updateNotetypes", wire(notetypes));
    ObjectNode params = JSON.createObjectNode();
    params.put("path", pkg.toString());
    params.set("options", opts);
    try {
      JsonNode result = remote.client().call("importPackage", params);
      return result.path("summary").asText();
    } catch (ServerClient.ErrorReply e) {
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    }
  }

  private static String wire(ImportOptions.UpdateCondition c) {
    return switch (c) {
      case IF_NEWER -> "ifNewer";
      case ALWAYS -> "always";
      case NEVER -> "never";
    };
  }

  private static ImportOptions.UpdateCondition condition(String option, String value) {
    if (value == null) return null;
    return switch (value) {
      case "if-newer" -> ImportOptions.UpdateCondition.IF_NEWER;
      case "always" -> ImportOptions.UpdateCondition.ALWAYS;
      case "never" -> ImportOptions.UpdateCondition.NEVER;
      default -> throw new CliFailure(ExitCodes.USAGE, option + " must be if-newer, always or never");
    };
  }
}
