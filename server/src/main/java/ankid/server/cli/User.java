package ankid.server.cli;

import ankid.server.syncclient.SyncLogin;
import ankid.server.syncserver.SyncUsers;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ankid user}: the accounts Anki, AnkiDroid and AnkiMobile log in with when they sync with
 * ankid. Each user syncs one profile of the base folder; only a hash of the password is stored.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the sync server's users.",
    subcommands = {User.Add.class, User.Remove.class, User.ListUsers.class})
public final class User implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a sync user (or set a new password). The password is read from the terminal,"
          + " or from the first line of standard input.")
  static final class Add implements Callable<Integer> {
    @Mixin
    ProfileOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The user name clients log in with")
    String name;

    @Override
    public Integer call() {
      String profile = profile();
      if (SyncLogin.read(options.base().resolve(profile)).isPresent()) {
        throw new CliFailure(ExitCodes.FAILED, "profile '" + profile + "' syncs with a server as a client (ankid login);"
            + " a profile is either served or a client, never both");
      }
      char[] password = Passwords.read("Password for " + name + ": ", true);
      try {
        new SyncUsers(options.base()).put(name, password, profile, ankid.server.syncserver.PasswordHashes.DEFAULT_ROUNDS);
      } catch (IllegalArgumentException e) {
        throw new CliFailure(ExitCodes.FAILED, e.getMessage());
      } finally {
        java.util.Arrays.fill(password, '\0');
      }
      System.out.println("user " + name + " syncs profile '" + profile + "'");
      return ExitCodes.OK;
    }

    /** --profile when given, else the profile named like the user when there is one, else "User 1". */
    private String profile() {
      String profile = spec.commandLine().getParseResult().hasMatchedOption("--profile") ? options.profile()
          : Files.isDirectory(options.base().resolve(name)) ? name : ProfileOptions.DEFAULT_PROFILE;
      if (profile.isEmpty() || profile.equals(".") || profile.equals("..") || profile.contains("/")
          || profile.contains("\\")) {
        throw new CliFailure(ExitCodes.FAILED, "not a profile name: " + profile);
      }
      return profile;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a sync user.")
  static final class Remove implements Callable<Integer> {
    @Mixin
    ProfileOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      if (!new SyncUsers(options.base()).remove(name)) throw new CliFailure(ExitCodes.FAILED, "no user " + name);
      System.out.println("removed user " + name);
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sync users and their profiles.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin
    ProfileOptions options;

    @Override
    public Integer call() {
      for (SyncUsers.User u : new SyncUsers(options.base()).all()) System.out.println(u.name() + "\t" + u.profile());
      return ExitCodes.OK;
    }
  }
}
