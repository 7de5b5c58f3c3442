package ankid.server.cli;

import ankid.engine.sync.SyncException;
import ankid.server.syncclient.HttpSyncClient;
import ankid.server.syncclient.SyncLogin;
import ankid.server.syncserver.SyncUsers;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ankid login}: logs a profile in to a sync server (AnkiWeb unless {@code --endpoint} names
 * another, such as an ankid started with {@code --sync-port}). The host key the server returns is
 * kept in the profile; the password is not.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Log a profile in to AnkiWeb or another sync server. The password is read from the"
        + " terminal, or from standard input.")
public final class Login implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Sync server, e.g. http://192.168.1.5:8080/ (default: AnkiWeb)")
  String endpoint;

  @Option(names = "--no-media", description = "Do not sync media for this profile")
  boolean noMedia;

  @Parameters(paramLabel = "USER", arity = "0..1", description = "The account (asked for when missing)")
  String user;

  @Override
  public Integer call() {
    String profile = options.profile();
    if (new SyncUsers(options.base()).all().stream().anyMatch(u -> u.profile().equals(profile))) {
      throw new CliFailure(ExitCodes.FAILED, "profile '" + profile + "' is served to sync users (ankid user);"
          + " a profile is either served or a client, never both");
    }
    String url = endpoint != null ? endpoint : SyncLogin.ANKIWEB;
    String name = user != null ? user : Passwords.line("User: ");
    char[] password = Passwords.read("Password: ", false);
    String hostKey;
    try {
      hostKey = HttpSyncClient.login(url, name, new String(password), Duration.ofSeconds(60));
    } catch (SyncException e) {
      throw new CliFailure(ExitCodes.FAILED, "login failed: " + e.getMessage());
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    new SyncLogin(url, hostKey, name, !noMedia).write(options.profileFolder());
    System.out.println("logged in to " + url + " as " + name + " (profile '" + profile + "')");
    return ExitCodes.OK;
  }
}
