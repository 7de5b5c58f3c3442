package ankid.server;

import ankid.engine.AnkiException;
import ankid.server.cli.Backup;
import ankid.server.cli.Check;
import ankid.server.cli.Restore;
import ankid.server.cli.CliFailure;
import ankid.server.cli.ExitCodes;
import ankid.server.cli.Actions;
import ankid.server.cli.Call;
import ankid.server.cli.Export;
import ankid.server.cli.Import;
import ankid.server.cli.Mcp;
import ankid.server.cli.Login;
import ankid.server.cli.Serve;
import ankid.server.cli.Sync;
import ankid.server.cli.User;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ankid} command line: one subcommand per job, all sharing --base, --profile and --config. */
@Command(name = "ankid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A headless Anki server speaking the AnkiConnect API.")
public final class Main implements Runnable {
  /** Every subcommand, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(Serve.class, Call.class, Mcp.class, Actions.class,
      Sync.class, Login.class, User.class, Check.class, Backup.class, Restore.class, Import.class, Export.class);

  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }

  /** The command line with ankid's error handling: one line on stderr, a documented exit status. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for {@code args}: when they start with a subcommand's name, only that
   * subcommand is modelled. Picocli reflects on every option of every subcommand it is given,
   * which took a quarter of a server's CPU before its first answer; anything else (no
   * subcommand, a misspelt one, the top-level help) gets all of them.
   */
  static CommandLine commandLine(String[] args) {
    if (args.length > 0) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) return commandLine(List.of(c));
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new Main());
    for (Class<?> c : subcommands) cl.addSubcommand(c);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("ankid: " + message(e));
      return exitCode(e);
    });
    return cl;
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static int exitCode(Exception e) {
    if (e instanceof CliFailure f) return f.exitCode();
    if (e instanceof AnkiException.CollectionInUse) return ExitCodes.IN_USE;
    if (e instanceof ankid.server.cli.ServerClient.Unreachable) return ExitCodes.UNREACHABLE;
    return ExitCodes.FAILED;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Main.class.getResourceAsStream("/ankid/version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException ignored) {
      // fall through to "dev"
    }
    return p.getProperty("version", "dev");
  }

  /** Prints the version for --version. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ankid " + version()};
    }
  }
}
