package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.engine.packages.Packages;
import ankid.server.BackupConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ankid restore FILE}: replaces the profile's collection with a backup, as Anki's "Open
 * Backup…" does (the current collection is backed up first), here or through the server that
 * holds it. FILE is a path, or the name of a backup in the profile's backup folder.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Replace the collection with a backup (.colpkg), after backing up the current one.",
        "FILE is a path, or the name of a file in the profile's backup folder."})
public final class Restore implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  ProfileOptions options;

  @Parameters(paramLabel = "FILE", description = "The backup: a path, or a name in the profile's backup folder")
  Path file;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path backup = locate();
    if (!Packages.isCollectionPackage(backup)) {
      throw new CliFailure(ExitCodes.USAGE, backup + " is not a collection package (.colpkg)");
    }
    Progress progress = Progress.forThisProcess();
    String summary;
    try (CollectionTarget target = CollectionTarget.open(options, false)) {
      summary = target instanceof CollectionTarget.Local local
          ? local.profiles().replaceCollection(backup, progress).summary()
          : remote((CollectionTarget.Remote) target, backup);
    } catch (AnkiException e) {
      throw new CliFailure(ExitCodes.FAILED, e.getMessage());
    } finally {
      progress.done();
    }
    spec.commandLine().getOut().println(backup + ": " + summary);
    return ExitCodes.OK;
  }

  /** The file as given when it exists, else the backup of that name in the profile's backup folder. */
  private Path locate() {
    if (Files.isRegularFile(file)) return file.toAbsolutePath().normalize();
    BackupConfig config = options.backupConfig();
    Path inFolder = config.settingsFor(options.profile(), options.collectionFile()).folder().resolve(file);
    if (file.getNameCount() == 1 && Files.isRegularFile(inFolder)) return inFolder;
    throw new CliFailure(ExitCodes.FAILED, "no such file: " + file);
  }

  /** importPackage replacing the collection, as {@code ankid import} asks a running server. */
  private static String remote(CollectionTarget.Remote remote, Path backup) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("path", backup.toString());
    params.putObject("options").put("replaceCollection", true);
    return remote.call("importPackage", params).path("summary").asText();
  }
}
