package ankid.server;

import ankid.engine.AnkiException;
import ankid.server.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import ankid.server.gui.CollectionTasks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ankid} command line. */
@Command(name = "ankid", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "A headless Anki server speaking the AnkiConnect API.",
    subcommands = {Main.Serve.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static String version() {
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

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the AnkiConnect API.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--base", description = "Anki-style base folder (default: $ANKID_BASE or ~/.local/share/ankid)")
    Path base;

    @Option(names = "--profile", defaultValue = "User 1", description = "Profile to open (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--bind", description = "Address to listen on (default: 127.0.0.1 and ::1)")
    String bind;

    @Option(names = "--port", description = "Port (default: 8765)")
    Integer port;

    @Option(names = "--config", description = "JSON file with AnkiConnect's config keys")
    Path config;

    @Override
    public Integer call() throws Exception {
      ServerConfig cfg = config != null ? ServerConfig.read(config) : ServerConfig.defaults();
      cfg = cfg.withBind(bind, port);
      Path baseDir = base != null ? base : defaultBase();
      Profiles profiles = new Profiles(baseDir, Clock.systemDefaultZone());
      try {
        profiles.open(profile);
      } catch (AnkiException e) {
        System.err.println("ankid: " + e.getMessage());
        return 1;
      }
      boolean defaultBind = bind == null && cfg.webBindAddress().equals("127.0.0.1");
      List<String> addresses = defaultBind ? HttpServer.loopbackAddresses() : List.of(cfg.webBindAddress());
      CountDownLatch stopped = new CountDownLatch(1);
      HttpServer[] server = new HttpServer[1];
      Api[] api = new Api[1];
      AtomicBoolean stopping = new AtomicBoolean();
      Runnable stop = () -> {
        if (!stopping.compareAndSet(false, true)) return;
        api[0].close();
        try {
          server[0].close();
        } catch (Exception ignored) {
          // stopping anyway
        }
        profiles.close();
        stopped.countDown();
      };
      // guiExitAnki: AnkiConnect closes Anki a second later, so the reply goes out first.
      Runnable exit = () -> {
        Thread t = new Thread(() -> {
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ignored) {
            // stop now
          }
          stop.run();
        }, "ankid-exit");
        t.start();
      };
      api[0] = new Api(cfg, profiles, HttpServer.loopbackOnly(addresses), exit, CollectionTasks.UNAVAILABLE);
      server[0] = new HttpServer(api[0].gateway(), api[0].webUi(), addresses, cfg.webBindPort());
      try {
        server[0].start();
      } catch (IOException e) {
        profiles.close();
        System.err.println("ankid: failed to listen on port " + cfg.webBindPort() + ": " + e.getMessage());
        return 1;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(stop, "ankid-shutdown"));
      String host = addresses.get(0).contains(":") ? "[" + addresses.get(0) + "]" : addresses.get(0);
      System.err.println("ankid " + version() + " listening on http://" + host + ":" + server[0].port()
          + " (collection " + baseDir.resolve(profile).resolve(Profiles.COLLECTION_FILE) + ")");
      System.err.println("web UI: http://" + host + ":" + server[0].port() + "/ui/");
      stopped.await();
      return 0;
    }

    private static Path defaultBase() {
      String env = System.getenv("ANKID_BASE");
      if (env != null && !env.isBlank()) return Path.of(env);
      return Path.of(System.getProperty("user.home"), ".local", "share", "ankid");
    }
  }
}
