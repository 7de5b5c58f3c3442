package ankid.server.cli;

import ankid.server.Maintenance;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ankid backup}: File › Create Backup on the profile's collection, here or through the server
 * that holds it. Prints the backup's path; when nothing changed since the last backup, no new one is
 * made and the newest is printed.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Back up the collection now, as Anki's File > Create Backup does.",
        "Prints the path of the backup (.colpkg) in the profile's backup folder."})
public final class Backup implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Maintenance.Backup backup;
    try (CollectionTarget target = CollectionTarget.open(options, false)) {
      backup = target instanceof CollectionTarget.Local local
          ? Maintenance.backupNow(local.collection())
          : remote((CollectionTarget.Remote) target);
    }
    if (backup.file() != null) spec.commandLine().getOut().println(backup.file());
    spec.commandLine().getErr().println(backup.created() ? "ankid: backup written"
        : "ankid: no changes since the last backup; none made");
    return ExitCodes.OK;
  }

  private static Maintenance.Backup remote(CollectionTarget.Remote remote) throws Exception {
    JsonNode result = remote.call("createBackup", null);
    JsonNode path = result.path("path");
    return new Maintenance.Backup(result.path("created").asBoolean(), path.isTextual() ? Path.of(path.asText()) : null);
  }
}
